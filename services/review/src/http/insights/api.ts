import { Router } from 'express';
import type { OrganisationStanding } from '@koppel/auth';
import { HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import type { ReviewDeps } from '../../app/deps';
import { insightsFor } from '../../app/insights/insights-summary';
import { requireBrokerToken } from '../api-access';
import { InsightsQuerySchema } from './query';

/**
 * `/insights`: the brokers' figures as JSON (issue #14), for brokers (within their
 * postcode ranges) and admins, with the same bearer tokens as `/proposals`.
 */
export function insightRoutes(
  deps: Pick<ReviewDeps, 'insights' | 'proposals'>,
  access: { secret: string; standing: OrganisationStanding },
): Router {
  const router = Router();
  router.use(requireBrokerToken(access.secret, access.standing));

  router.get('/summary', async (req, res) => {
    const query = parseOrThrow(InsightsQuerySchema, req.query, 'query string');
    const outcome = await insightsFor(deps, query, principalOf(req));
    if (outcome.kind === 'forbidden')
      throw new HttpProblem(
        403,
        'Forbidden',
        `The region '${outcome.region}' is not one of yours: ask for a province your regions reach into.`,
      );
    const { filter, summary } = outcome;
    res.json({
      region: query.region ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      // The instants the period (ready-made `name`, or from/to) stands for (days are Brussels days): created at or after `from`, before `until`.
      period: {
        name: query.period ?? null,
        from: filter.from?.toISOString() ?? null,
        until: filter.until?.toISOString() ?? null,
      },
      ...summary,
    });
  });

  return router;
}
