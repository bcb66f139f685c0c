import { HttpProblem } from '@koppel/http';
import type { Principal } from '../app/principal';

/** Refuses a principal whose role these routes are not for (403); authentication itself is @koppel/http's `authenticate`. */
export function requireRole(principal: Principal, ...roles: Principal['role'][]): void {
  if (!roles.includes(principal.role)) throw new HttpProblem(403, 'Forbidden', `This route is not open to the role '${principal.role}'.`);
}
