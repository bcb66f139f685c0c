import { counter } from '@koppel/messaging';

/** Mails that went out or failed for good, by kind (approved, confirmed, digest, sign-in, signup-confirm, signup-approved, signup-rejected): `/metrics`. */
export const mailOutcomes = counter('koppel_mails_total', 'Mails sent, and mails failed for good', ['kind', 'outcome']);
