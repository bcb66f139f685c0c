/**
 * Text normalisation shared by indexing and querying: NFKD, strip combining marks,
 * lowercase. natural's tokenizers split on non-ASCII letters (creëren -> cre, ren),
 * so we normalise first and tokenise ourselves.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .toLowerCase();
}
