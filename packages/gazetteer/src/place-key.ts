/** The lookup key of a place name: no accents, lower case, words joined by one space ("Sint-Niklaas" → "sint niklaas"). */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
