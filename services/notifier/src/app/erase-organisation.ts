import { addressHashOf } from '@koppel/auth';
import { ERASED, type EventOf, MATCH_SIDES } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { DeliveryStore } from '../store/deliveries';
import type { DigestItemStore } from '../store/digest-items';
import type { DigestStore } from '../store/digests';
import type { SignInDeliveryStore } from '../store/sign-in-deliveries';

export interface MailErasureDeps {
  deliveries: DeliveryStore;
  signInDeliveries: SignInDeliveryStore;
  digests: DigestStore;
  digestItems: DigestItemStore;
  logger: Logger;
}

/**
 * An organisation's people erased (issue #11). Mail records stay, so that a redelivered
 * event still finds its mail sent and sends nothing, but lose the organisation's name and
 * address: the recipient (`to`) where it was the recipient, and its side of the match
 * snapshot in every record. Sign-in mails to its addresses (found by the hashes the event
 * carries) are deleted. Idempotent.
 */
export async function eraseOrganisationFromMail(event: EventOf<'organisation.erased'>, deps: MailErasureDeps): Promise<void> {
  const id = event.payload.organisationId;
  const erased = { name: ERASED.name, email: ERASED.email };
  let records = 0;
  for (const side of MATCH_SIDES) {
    records += await deps.deliveries.eraseParty(side, id, erased);
    records += await deps.digestItems.eraseParty(side, id, erased);
  }
  await deps.digestItems.eraseRecipient(id, ERASED.email);
  await deps.digests.eraseRecipient(id, ERASED.email);
  const hashes = new Set(event.payload.addressHashes);
  // A scan of a small collection (kept 8 days): sign-in mails are keyed by event, not by address.
  const gone = (await deps.signInDeliveries.listAddresses()).filter((d) => hashes.has(addressHashOf(d.to))).map((d) => d._id);
  if (gone.length > 0) await deps.signInDeliveries.delete(gone);
  deps.logger.info('organisation erased from mail records', { organisationId: id, records, signInMails: gone.length });
}
