import type { Model } from 'mongoose';
import { addressHashOf } from '@koppel/auth';
import { ERASED, type EventOf } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { DigestDoc, DigestItemDoc } from '../digest/store';
import type { SignInDeliveryDoc } from '../sign-in/deliveries';
import type { DeliveryDoc } from '../store/deliveries';

export interface MailErasureDeps {
  deliveries: Model<DeliveryDoc>;
  signInDeliveries: Model<SignInDeliveryDoc>;
  digests: Model<DigestDoc>;
  digestItems: Model<DigestItemDoc>;
  logger: Logger;
}

const PARTIES = ['school', 'provider'] as const;

/**
 * An organisation's people erased (issue #11). Mail records stay, so that a redelivered
 * event still finds its mail sent and sends nothing, but lose the organisation's name and
 * address: the recipient (`to`) where it was the recipient, and its side of the match
 * snapshot in every record. Sign-in mails to its addresses (found by the hashes the event
 * carries) are deleted. Idempotent.
 */
export async function eraseOrganisationFromMail(event: EventOf<'organisation.erased'>, deps: MailErasureDeps): Promise<void> {
  const id = event.payload.organisationId;
  const erasedParty = (party: string) => ({ [`source.match.${party}.name`]: ERASED.name, [`source.match.${party}.email`]: ERASED.email });
  let records = 0;
  for (const party of PARTIES) {
    const mails = await deps.deliveries.updateMany({ [`source.match.${party}.id`]: id }, { $set: erasedParty(party) });
    const ownMails = await deps.deliveries.updateMany(
      { [`source.match.${party}.id`]: id, recipient: party },
      { $set: { to: ERASED.email } },
    );
    const items = await deps.digestItems.updateMany({ [`source.match.${party}.id`]: id }, { $set: erasedParty(party) });
    records += mails.modifiedCount + ownMails.modifiedCount + items.modifiedCount;
  }
  await deps.digestItems.updateMany({ providerId: id }, { $set: { to: ERASED.email } });
  await deps.digests.updateMany({ providerId: id }, { $set: { to: ERASED.email } });
  const hashes = new Set(event.payload.addressHashes);
  // A scan of a small collection (kept 8 days): sign-in mails are keyed by event, not by address.
  const signIns = (await deps.signInDeliveries.find({}, { _id: 1, to: 1 }).lean()) as Array<Pick<SignInDeliveryDoc, '_id' | 'to'>>;
  const gone = signIns.filter((d) => hashes.has(addressHashOf(d.to))).map((d) => d._id);
  if (gone.length > 0) await deps.signInDeliveries.deleteMany({ _id: { $in: gone } });
  deps.logger.info('organisation erased from mail records', { organisationId: id, records, signInMails: gone.length });
}
