import { normaliseText } from './normalise';

/** Unicode-aware word tokens of normalised text: letters and digits, inner hyphen/apostrophe split. */
const WORD = /[\p{L}\p{N}]+/gu;

export function tokensOf(normalisedText: string): string[] {
  return normalisedText.match(WORD) ?? [];
}

/** Convenience: normalise then tokenise. */
export function normalisedTokens(text: string): string[] {
  return tokensOf(normaliseText(text));
}
