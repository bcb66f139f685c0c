import { addressHashOf } from '@koppel/auth';
import { MATCH_SIDES, type MatchSide, type MatchSnapshot, type Party } from '@koppel/contracts';
import { TransientError } from '@koppel/messaging';
import type { AddressedMatch } from '../store/mail-source';
import type { OrganisationStore } from '../store/organisations';

/** Where a side's mails go, or `none` when its people were erased or it has no contact left (nothing is mailed). */
type Address = { email: string } | 'none';

/**
 * The contact a registered party's listing names (by the hash of its address), else the
 * address an unregistered party's listing carries (or an event from before issue #11),
 * else the organisation's first contact. A registered organisation the notifier has not
 * heard of yet (its event still on its way) is a passing state: the consumer retries.
 */
async function addressOf(organisations: OrganisationStore, party: Party): Promise<Address> {
  const organisation = await organisations.findContacts(party.id);
  if (organisation?.erased) return 'none';
  const contacts = organisation?.contacts ?? [];
  const named = party.contact ? contacts.find((c) => addressHashOf(c.email) === party.contact) : undefined;
  const email = named?.email ?? party.email ?? contacts[0]?.email;
  if (email) return { email };
  if (organisation) return 'none'; // known, but only as withdrawn: no contact to mail
  throw new TransientError(`organisation '${party.id}' is not known to the notifier yet (its organisation event has not arrived)`);
}

/**
 * Both sides' addresses for a match, from the organisations' own contacts; null when
 * either side cannot be mailed (erased: no mail about the match goes anywhere, since
 * each mail names the other side).
 */
export async function addressedMatch(organisations: OrganisationStore, match: MatchSnapshot): Promise<AddressedMatch | null> {
  const addresses = {} as Record<MatchSide, Address>;
  for (const side of MATCH_SIDES) addresses[side] = await addressOf(organisations, match[side]);
  if (addresses.school === 'none' || addresses.provider === 'none') return null;
  return {
    ...match,
    school: { ...match.school, email: addresses.school.email },
    provider: { ...match.provider, email: addresses.provider.email },
  };
}
