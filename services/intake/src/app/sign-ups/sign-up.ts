import { randomUUID } from 'node:crypto';
import { randomLinkSecret, sha256Hex } from '@koppel/auth';
import type { Organisation, SignUpInput } from '@koppel/contracts';
import type { SignUpRecord } from '../../store/models';
import { nameKeyOf } from '../../store/organisation-store';
import { organisationFromInput, umbrellaProblems } from '../organisations/from-input';
import type { Invalid } from '../results';
import type { SignUpDeps } from './deps';
import { signUpMail } from './mails';

export type SignUpResult = { kind: 'received'; organisationId: string } | Invalid;

/** Known organisations this one may duplicate: the same name and place, or one of its contact addresses. */
async function duplicatesOf(deps: SignUpDeps, organisation: Organisation): Promise<SignUpRecord['duplicates']> {
  const found = await deps.store.findPossibleDuplicates(organisation);
  const addresses = new Set(organisation.contacts.map((c) => c.email.toLowerCase()));
  return found.map((doc) => ({
    organisationId: doc._id,
    name: doc.data.name,
    why:
      nameKeyOf(doc.data) === nameKeyOf(organisation)
        ? 'name_and_place'
        : doc.contactEmails.some((e) => addresses.has(e))
          ? 'contact_address'
          : 'name_and_place',
  }));
}

/**
 * An organisation signs up itself (issue #13): stored unconfirmed (it exists for nobody
 * else until a broker approves it), with possible duplicates noted for the broker, and a
 * one-time link mailed to its contact (only the link's hash is kept) that confirms the
 * address. Answers the same whether or not the address is known elsewhere.
 */
export async function signUp(deps: SignUpDeps, input: SignUpInput): Promise<SignUpResult> {
  const id = `org-${randomUUID()}`;
  const built = organisationFromInput(
    {
      type: input.type,
      name: input.name,
      contacts: [input.contact],
      place: input.place,
      ...(input.schoolLevels ? { schoolLevels: input.schoolLevels } : {}),
      ...(input.memberOf ? { memberOf: input.memberOf } : {}),
    },
    id,
  );
  if (built.kind !== 'built') return built;
  const { organisation } = built;
  const umbrellas = await umbrellaProblems(organisation, (umbrellaId) => deps.store.findById(umbrellaId));
  if (umbrellas) return umbrellas;

  const now = new Date();
  const secret = randomLinkSecret();
  const expiresAt = new Date(now.getTime() + deps.settings.SIGNUP_LINK_TTL_HOURS * 3_600_000);
  const link = new URL(deps.settings.SIGNUP_CONFIRM_LINK_BASE);
  link.searchParams.set('token', secret);
  const record: SignUpRecord = {
    confirmationHash: sha256Hex(secret),
    expiresAt,
    duplicates: await duplicatesOf(deps, organisation),
  };
  const mail = signUpMail(
    organisation,
    { kind: 'confirm', secretLink: link.toString(), expiresAt: expiresAt.toISOString() },
    deps.settings,
  );
  const inserted = await deps.store.insertSignUp(organisation, now, record, [mail]);
  if (inserted.kind === 'duplicate') throw new Error('a random organisation id was taken');
  deps.publication.publishSoon(inserted.events);
  deps.logger.info('organisation signed up', { organisation: id, type: organisation.type, duplicates: record.duplicates.length });
  return { kind: 'received', organisationId: id };
}
