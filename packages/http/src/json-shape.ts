/** How deep and how large a JSON body may be before it is parsed at all. */
export interface JsonShapeLimits {
  /** Nested arrays and objects, the outermost counting 1. */
  depth: number;
  /** Values, counted as containers plus the commas between members (an upper bound once parsed). */
  values: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/**
 * Why a UTF-8 JSON text is too deep or holds too many values, found by one pass over its
 * bytes without parsing it; undefined when it is within the limits (or not JSON: the parser
 * says so). Quotes and backslashes never occur inside a multi-byte UTF-8 sequence, so strings
 * are skipped exactly. Runs before `JSON.parse`, so a body of 20,000 nested arrays or 40,000
 * tiny values costs a scan, not a parse and a walk (issue #11).
 */
export function jsonShapeProblem(bytes: Uint8Array, limits: JsonShapeLimits): string | undefined {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limits.depth) return `must not be nested more than ${limits.depth} levels deep`;
      values++;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
    else if (c === COMMA) values++;
    if (values > limits.values) return `must not hold more than ${limits.values} values`;
  }
  return undefined;
}
