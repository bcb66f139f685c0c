import { z } from 'zod';
import { HttpProblem } from '@koppel/http';
import type { ListingQuery } from '@koppel/contracts';

type Sort = ListingQuery['sort'];
const CursorSchema = z.object({ s: z.string(), v: z.iso.datetime(), id: z.string().min(1).max(100) }).strict();

function fieldOf(sort: Sort): { field: 'updatedAt' | 'createdAt'; descending: boolean } {
  return { field: sort.replace('-', '') as 'updatedAt' | 'createdAt', descending: sort.startsWith('-') };
}

/** Sort by the field, then by _id, so that pages never skip or repeat documents with equal times. */
export function sortOf(sort: Sort): Record<string, 1 | -1> {
  const { field, descending } = fieldOf(sort);
  return { [field]: descending ? -1 : 1, _id: 1 };
}

/** An opaque cursor: the sort and the last item's position in it. */
export function encodeCursor(sort: Sort, last: { _id: string; updatedAt: Date; createdAt: Date }): string {
  const { field } = fieldOf(sort);
  return Buffer.from(JSON.stringify({ s: sort, v: new Date(last[field]).toISOString(), id: last._id })).toString('base64url');
}

/** Documents strictly after the cursor in the sort order (keyset pagination: stable under inserts). */
export function cursorFilter(cursor: string, sort: Sort): Record<string, unknown> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = CursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.s !== sort) {
    throw new HttpProblem(400, 'Validation failed', 'The cursor is not valid for this sort.', {
      errors: [{ path: 'cursor', message: 'use nextCursor of the previous page, with the same sort' }],
    });
  }
  const { field, descending } = fieldOf(sort);
  const at = new Date(parsed.data.v);
  return { $or: [{ [field]: descending ? { $lt: at } : { $gt: at } }, { [field]: at, _id: { $gt: parsed.data.id } }] };
}
