/**
 * Whether the organisation a token acts for may still act: false once it was
 * withdrawn. A token's signature stays good after a withdrawal, so every service
 * that accepts tokens asks this too (issue #11).
 */
export type OrganisationStanding = (organisationId: string) => Promise<boolean>;

/**
 * Remembers the answers of `lookup` so a request costs no database read: a
 * withdrawal is final and kept for good, a good standing for `ttlMs` (so a
 * withdrawal takes effect within that time on every instance).
 */
export function rememberedStanding(lookup: OrganisationStanding, ttlMs = 5000, now: () => number = Date.now): OrganisationStanding {
  const withdrawn = new Set<string>();
  const good = new Map<string, number>();
  return async (id) => {
    if (withdrawn.has(id)) return false;
    const until = good.get(id);
    if (until !== undefined && until > now()) return true;
    const standing = await lookup(id);
    if (standing) good.set(id, now() + ttlMs);
    else {
      good.delete(id);
      withdrawn.add(id);
    }
    return standing;
  };
}
