import type { Organisation } from '@koppel/contracts';
import type { StoredOrganisation } from '../../store/models';
import type { Principal } from '../principal';
import type { OrganisationDeps } from './deps';

/** Admins read every organisation; an organisation's own token reads itself. */
export function canRead(principal: Principal, id: string): boolean {
  return principal.role === 'admin' || principal.org === id;
}

/** The organisation, if the principal may read it; undefined for none (another's is indistinguishable from none). */
export async function readOrganisation(deps: OrganisationDeps, principal: Principal, id: string): Promise<StoredOrganisation | undefined> {
  if (!canRead(principal, id)) return undefined;
  return (await deps.store.findById(id)) ?? undefined;
}

export interface OrganisationPage {
  items: StoredOrganisation[];
  nextCursor: string | null;
  limit: number;
}

/** One page of organisations in id order (of one role if asked), with the cursor of the next: the last id, base64url. */
export async function findOrganisations(
  deps: OrganisationDeps,
  query: { role?: Organisation['role']; limit: number; cursor?: string },
): Promise<OrganisationPage> {
  const afterId = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : undefined;
  const docs = await deps.store.list({ role: query.role, afterId, limit: query.limit + 1 });
  const items = docs.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: docs.length > query.limit && last ? Buffer.from(last._id).toString('base64url') : null,
    limit: query.limit,
  };
}
