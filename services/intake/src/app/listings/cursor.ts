import { z } from 'zod';
import { type ListingPosition, type ListingSort, sortTimeOf } from '../../store/listing-store';
import type { StoredListing } from '../../store/models';

const CursorSchema = z.object({ s: z.string(), v: z.iso.datetime(), id: z.string().min(1).max(100) }).strict();

/** An opaque cursor: the sort and the last item's position in it. */
export function encodeCursor(sort: ListingSort, last: Pick<StoredListing<unknown>, '_id' | 'updatedAt' | 'createdAt'>): string {
  return Buffer.from(JSON.stringify({ s: sort, v: sortTimeOf(sort, last).toISOString(), id: last._id })).toString('base64url');
}

/** The position a cursor names, or undefined for one that is not a cursor of this sort. */
export function decodeCursor(cursor: string, sort: ListingSort): ListingPosition | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = CursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.s !== sort) return undefined;
  return { at: new Date(parsed.data.v), id: parsed.data.id };
}
