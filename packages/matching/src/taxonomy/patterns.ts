/**
 * Matching of taxonomy synonyms against normalised tokens. A synonym is written as
 *   "word"      the exact token
 *   "word*"     a token starting with word (inflections: schilder*, tekeningen)
 *   "*word*"    a token containing word (Dutch compounds: muurschildering, zangproject)
 *   "two words" consecutive tokens, each of which may use the forms above
 */
export interface CompiledTerm {
  parts: Array<{ kind: 'exact' | 'prefix' | 'infix'; text: string }>;
  label: string;
}

export function compileTerm(pattern: string): CompiledTerm {
  const parts = pattern.split(/\s+/).map((word) => {
    if (word.startsWith('*') && word.endsWith('*')) return { kind: 'infix' as const, text: word.slice(1, -1) };
    if (word.endsWith('*')) return { kind: 'prefix' as const, text: word.slice(0, -1) };
    return { kind: 'exact' as const, text: word };
  });
  return { parts, label: pattern.replace(/\*/g, '') };
}

function partMatches(part: CompiledTerm['parts'][number], token: string): boolean {
  if (part.kind === 'exact') return token === part.text;
  if (part.kind === 'prefix') return token.startsWith(part.text);
  return token.includes(part.text);
}

/**
 * Finds which keys' patterns occur in a token list. Single-token patterns are
 * resolved once per distinct token and cached, which keeps indexing 100,000
 * offers fast; phrases are checked only where their first word occurs.
 */
export class PatternMatcher<K extends string> {
  private readonly singles: Array<{ key: K; part: CompiledTerm['parts'][number] }> = [];
  private readonly phrasesByFirstWord = new Map<string, Array<{ key: K; term: CompiledTerm }>>();
  private readonly phrasesWithWildFirst: Array<{ key: K; term: CompiledTerm }> = [];
  private readonly tokenCache = new Map<string, K[]>();

  constructor(entries: Array<{ key: K; patterns: readonly string[] }>) {
    for (const { key, patterns } of entries) {
      for (const pattern of patterns) {
        const term = compileTerm(pattern);
        if (term.parts.length === 1) this.singles.push({ key, part: term.parts[0] });
        else if (term.parts[0].kind === 'exact') {
          const list = this.phrasesByFirstWord.get(term.parts[0].text) ?? [];
          list.push({ key, term });
          this.phrasesByFirstWord.set(term.parts[0].text, list);
        } else this.phrasesWithWildFirst.push({ key, term });
      }
    }
  }

  /** Keys matched by one token on its own. */
  keysOfToken(token: string): K[] {
    let keys = this.tokenCache.get(token);
    if (keys === undefined) {
      keys = [];
      for (const { key, part } of this.singles) if (partMatches(part, token) && !keys.includes(key)) keys.push(key);
      if (this.tokenCache.size < 200_000) this.tokenCache.set(token, keys);
    }
    return keys;
  }

  /** Every key found in the tokens, with the surface words that triggered it. */
  matches(tokens: readonly string[]): Map<K, Set<string>> {
    const found = new Map<K, Set<string>>();
    const add = (key: K, surface: string): void => {
      let set = found.get(key);
      if (!set) {
        set = new Set();
        found.set(key, set);
      }
      set.add(surface);
    };
    for (const token of tokens) for (const key of this.keysOfToken(token)) add(key, token);
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.phrasesByFirstWord.get(tokens[i]);
      if (candidates) for (const { key, term } of candidates) this.matchPhraseAt(tokens, i, term, key, add);
      for (const { key, term } of this.phrasesWithWildFirst) this.matchPhraseAt(tokens, i, term, key, add);
    }
    return found;
  }

  private matchPhraseAt(tokens: readonly string[], i: number, term: CompiledTerm, key: K, add: (key: K, surface: string) => void): void {
    const n = term.parts.length;
    if (i + n > tokens.length) return;
    for (let j = 0; j < n; j++) if (!partMatches(term.parts[j], tokens[i + j])) return;
    add(key, tokens.slice(i, i + n).join(' '));
  }
}
