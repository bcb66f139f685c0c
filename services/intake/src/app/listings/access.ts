import { isInRegions } from '@koppel/auth';
import type { ListingVisibility } from '../../store/listing-store';
import type { ListingIndexFields } from '../../store/models';
import type { Principal } from '../principal';
import { type Forbidden, forbidden } from '../results';

export type ListingName = 'offer' | 'request';

/** The role that owns listings of this kind: providers own offers, requesters own requests. */
export function ownerRoleOf(kind: ListingName): Principal['role'] {
  return kind === 'offer' ? 'provider' : 'requester';
}

/**
 * Who may touch a kind of listing at all: admins; the owning role (its own only);
 * brokers read. Any other role is refused on every route of the kind: returns why,
 * or undefined when allowed.
 */
export function kindAccess(principal: Principal, kind: ListingName, write: boolean): Forbidden | undefined {
  if (principal.role === 'admin' || principal.role === ownerRoleOf(kind)) return undefined;
  if (principal.role === 'broker' && !write) return undefined;
  return forbidden(write ? `A ${principal.role} cannot change ${kind}s.` : `A ${principal.role} cannot read ${kind}s.`);
}

/** Which listings the principal may see: an admin all, a broker those in its regions, an owner its own (a board also its schools' requests it asked). */
export function visibilityOf(principal: Principal): ListingVisibility {
  if (principal.role === 'admin') return { all: true };
  if (principal.role === 'broker') return { regions: principal.regions ?? [] };
  return { ownerId: principal.org ?? '' };
}

/** Whether a stored listing is visible (same rule as `visibilityOf`, for documents already loaded). */
export function canSee(principal: Principal, doc: Partial<ListingIndexFields>): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role === 'broker') {
    return isInRegions(principal.regions, doc.country, doc.postcodeNumber === undefined ? undefined : String(doc.postcodeNumber));
  }
  return principal.org !== undefined && (doc.ownerId === principal.org || doc.managerId === principal.org);
}
