import type { ListingQuery } from '@koppel/contracts';
import type { Listing, StoredListing } from '../../store/models';
import type { Principal } from '../principal';
import { canSee, visibilityOf } from './access';
import { decodeCursor, encodeCursor } from './cursor';
import type { ListingDeps } from './kinds';

/** A stored listing the principal may see; undefined for none (another's listing is indistinguishable from none). */
export async function findVisibleListing<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  principal: Principal,
  id: string,
): Promise<StoredListing<T> | undefined> {
  const doc = await deps.store.findById(id);
  return doc && canSee(principal, doc) ? doc : undefined;
}

/** One page of the listings a principal may see, with the cursor of the next; 'bad-cursor' for a cursor of another sort or none at all. */
export type ListingPage<T> = { kind: 'page'; items: StoredListing<T>[]; nextCursor: string | null; limit: number } | { kind: 'bad-cursor' };

export async function findListings<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  principal: Principal,
  query: ListingQuery,
): Promise<ListingPage<T>> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort);
  if (query.cursor !== undefined && !after) return { kind: 'bad-cursor' };
  // One more than the page: whether it is there says whether there is a next page.
  const docs = await deps.store.search({
    visibility: visibilityOf(principal),
    status: query.status,
    discipline: query.discipline,
    municipality: query.municipality,
    age: query.age,
    sort: query.sort,
    after,
    limit: query.limit + 1,
  });
  const items = docs.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    kind: 'page',
    items,
    nextCursor: docs.length > query.limit && last ? encodeCursor(query.sort, last) : null,
    limit: query.limit,
  };
}
