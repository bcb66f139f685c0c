import type { MatchSide, MatchSnapshot, Party } from '@koppel/contracts';

export type Recipient = MatchSide;

/**
 * A match snapshot with both sides' addresses filled in from the organisations' contacts
 * (`addressedMatch`): match events carry none (issue #11).
 */
export type AddressedMatch = MatchSnapshot & { school: Party & { email: string }; provider: Party & { email: string } };

/** What a mail is rendered from; kept with the delivery (or digest item) so a resend renders the same mail. */
export interface MailSource {
  match: AddressedMatch;
  note?: string;
}
