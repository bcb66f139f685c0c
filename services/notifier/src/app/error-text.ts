/** Anything shaped like an address, bare or in SMTP's angle brackets. */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * The text kept and shown of a failed send: the error's message with every mail
 * address replaced by `<address>` and at most `max` characters. SMTP answers often
 * quote the recipient ("550 5.1.1 <jan@school.be>: Recipient address rejected");
 * this text is stored, published on koppel.mails.v1, shown in the console and
 * logged, and none of those may keep a person's address (issue #11).
 */
export function errorTextOf(error: unknown, max = 500): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(ADDRESS, '<address>').slice(0, max);
}
