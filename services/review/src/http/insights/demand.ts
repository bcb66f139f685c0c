import { Router } from 'express';
import { z } from 'zod';
import type { OrganisationStanding } from '@koppel/auth';
import { authenticate, corsFor, HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import type { ReviewDeps } from '../../app/deps';
import { DEMAND_MONTHS } from '../../app/insights/demand';
import { demandFor } from '../../app/insights/provider-demand';

/** `GET /insights/demand`'s query: the window, and (admins only) whose reach. */
export const DemandQuerySchema = z
  .object({
    /** Calendar months back (Brussels), the current one included. */
    months: z.coerce.number().int().min(DEMAND_MONTHS.min).max(DEMAND_MONTHS.max).default(DEMAND_MONTHS.default),
    /** The provider organisation's id: required of an admin; a provider may only name itself. */
    provider: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export interface DemandRouteOptions {
  /** AUTH_TOKEN_SECRET: verifies the session tokens intake issues. */
  secret: string;
  /** REVIEW_CORS_ORIGINS: the portal's pages call this from the provider's browser. */
  corsOrigins: string[];
  /** Whether a token's organisation may still act (a withdrawn one's tokens are refused). */
  standing: OrganisationStanding;
}

const AGAIN = 'A valid bearer token is needed (sign in again).';
const NOT_A_PROVIDER = 'Only a provider organisation (or an admin) sees the demand in a provider’s reach.';

/**
 * `/insights/demand` (issue #13): what schools and organisations in a provider's reach
 * ask for, anonymised (app/insights/demand.ts), for the provider's own bearer token (its
 * `org`), or an admin's with `?provider=`. Brokers and requesters get a 403; a withdrawn
 * organisation's token a 401, as on every route.
 */
export function demandRoutes(deps: Pick<ReviewDeps, 'insights'>, options: DemandRouteOptions): Router {
  const router = Router();
  router.use(corsFor({ origins: options.corsOrigins, methods: ['GET'], headers: ['authorization'] }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store'); // one provider's view: never cached
    next();
  });
  router.use(
    authenticate({
      secret: options.secret,
      standing: options.standing,
      roles: ['provider', 'admin'],
      messages: { missing: AGAIN, invalid: AGAIN, expired: AGAIN, role: NOT_A_PROVIDER },
    }),
  );

  router.get('/', async (req, res) => {
    const claims = principalOf(req);
    const query = parseOrThrow(DemandQuerySchema, req.query, 'query string');
    let provider: string;
    if (claims.role === 'admin') {
      if (!query.provider)
        throw new HttpProblem(400, 'Validation failed', 'The query string has 1 invalid field(s).', {
          errors: [{ path: 'provider', message: 'an admin names the provider: ?provider=<organisation id>' }],
        });
      provider = query.provider;
    } else {
      if (!claims.org) throw new HttpProblem(403, 'Forbidden', NOT_A_PROVIDER);
      if (query.provider !== undefined && query.provider !== claims.org)
        throw new HttpProblem(403, 'Forbidden', 'A provider sees the demand in its own reach only.');
      provider = claims.org;
    }
    res.json(await demandFor(deps, { provider, months: query.months }));
  });

  return router;
}
