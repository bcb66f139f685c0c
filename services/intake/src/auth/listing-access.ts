import { HttpProblem } from '@koppel/http';
import { isInRegions } from '@koppel/auth';
import type { Principal } from './authenticate';
import type { ListingIndexFields } from '../store/models';

export type ListingName = 'offer' | 'request';

/** The role that owns listings of this kind: providers own offers, requesters own requests. */
export function ownerRoleOf(kind: ListingName): Principal['role'] {
  return kind === 'offer' ? 'provider' : 'requester';
}

/**
 * Who may touch a kind of listing at all: admins; the owning role (its own only);
 * brokers read. Any other role gets a 403 on every route of the kind.
 */
export function assertKindAccess(principal: Principal, kind: ListingName, write: boolean): void {
  if (principal.role === 'admin' || principal.role === ownerRoleOf(kind)) return;
  if (principal.role === 'broker' && !write) return;
  throw new HttpProblem(
    403,
    'Forbidden',
    write ? `A ${principal.role} cannot change ${kind}s.` : `A ${principal.role} cannot read ${kind}s.`,
  );
}

/** Database filter that limits a list or a lookup to what the principal may see. */
export function visibilityFilter(principal: Principal): Record<string, unknown> {
  if (principal.role === 'admin') return {};
  if (principal.role === 'broker') {
    const ranges = (principal.regions ?? []).map((r) => ({
      country: r.country,
      postcodeNumber: { $gte: r.postcodeFrom, $lte: r.postcodeTo },
    }));
    // No regions: sees nothing. `_id: null` matches no document.
    return ranges.length ? { $or: ranges } : { _id: null };
  }
  return { ownerId: principal.org ?? '' };
}

/** Whether a stored listing is visible (same rule as the filter, for documents already loaded). */
export function canSee(principal: Principal, doc: Partial<ListingIndexFields>): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role === 'broker') {
    return isInRegions(principal.regions, doc.country, doc.postcodeNumber === undefined ? undefined : String(doc.postcodeNumber));
  }
  return doc.ownerId !== undefined && doc.ownerId === principal.org;
}
