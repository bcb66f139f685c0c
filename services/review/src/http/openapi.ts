import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { SuggestionAnswerInputSchema } from '@koppel/contracts';
import { DemandQuerySchema } from './insights/demand';
import { InsightsQuerySchema } from './insights/query';
import { ListProposalsQuery } from './proposals';

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a zod schema, without the `$schema` line. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Query parameters from a zod object schema, one per key, with their own constraints. */
function queryParameters(schema: z.ZodType): Array<Record<string, unknown>> {
  const { properties = {} } = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>> };
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const ERRORS = {
  '400': problem('Validation failed: `errors` lists every bad field with its path and reason'),
  '401': problem('No, a forged or an expired bearer token, or its organisation was withdrawn'),
  '403': problem('The token may not use this route, or asks for a region outside its own'),
};
const ID = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 300 } };
const object = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', required, properties });
const count = { type: 'integer', minimum: 0 };

/** What `/insights/summary` answers, as far as clients may rely on it (more fields may follow). */
const INSIGHTS_SUMMARY = object(['requests', 'offers', 'unmatched', 'supplyDemand', 'funnel'], {
  requests: object(['total', 'withProposal', 'withoutProposal'], { total: count, withProposal: count, withoutProposal: count }),
  offers: object(['active'], { active: count }),
  unmatched: {
    type: 'array',
    items: object(['requestId', 'reasons'], {
      requestId: { type: 'string' },
      reasons: {
        type: 'array',
        description: 'The near misses: for each offer, the constraints that kept it out (ages, distance, price, score)',
      },
    }),
  },
  supplyDemand: {
    type: 'array',
    items: object(['discipline', 'ageBand', 'requests', 'offers'], {
      discipline: { type: 'string' },
      ageBand: { type: 'string' },
      requests: count,
      offers: count,
    }),
  },
  funnel: object(['proposed', 'approved', 'confirmed', 'declined'], {
    proposed: count,
    approved: count,
    confirmed: count,
    declined: count,
  }),
});

/** What `/insights/demand` answers (issue #13): anonymised, no requester, no pupils' numbers. */
const PROVIDER_DEMAND = object(['provider', 'months', 'requestsInReach', 'byDiscipline', 'byAgeBand', 'byMonth', 'recent'], {
  provider: { type: 'string', description: 'The provider organisation whose reach this is' },
  months: { type: 'integer', minimum: 1, maximum: 24 },
  requestsInReach: count,
  byDiscipline: {
    type: 'array',
    description: 'The disciplines asked for, most asked first; a request counts in each it names',
    items: object(['discipline', 'requests'], { discipline: { type: 'string' }, requests: count }),
  },
  byAgeBand: {
    type: 'array',
    description: 'Every age band (0-5, 6-8, 9-11, 12-14, 15-17, 18+); a request counts in each its ages overlap',
    items: object(['ageBand', 'requests'], { ageBand: { type: 'string' }, requests: count }),
  },
  byMonth: {
    type: 'array',
    description: 'Every month of the window (Brussels), oldest first',
    items: object(['month', 'requests'], { month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, requests: count }),
  },
  recent: {
    type: 'array',
    maxItems: 20,
    description: 'The newest requests in reach, without requester',
    items: object(['title', 'disciplines', 'ageMin', 'ageMax', 'municipality', 'month'], {
      title: { type: 'string', description: "The request's title, the requester's name taken out" },
      disciplines: { type: 'array', items: { type: 'string' } },
      ageMin: count,
      ageMax: count,
      municipality: {
        type: 'string',
        description: 'The municipality when at least 3 requests in reach come from it; otherwise its region (province)',
      },
      month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    }),
  },
});

/**
 * Review's API as OpenAPI 3.1: the proposals for brokers and admins, the suggestions for
 * schools and providers, and the insights (issue #14). Query and body schemas come from
 * the zod schemas the routes parse with, so the document cannot drift from them.
 */
export function reviewApiDocument(): Record<string, unknown> {
  const broker = [{ bearer: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'koppel review API',
      version: '1',
      description:
        "Proposals for brokers (their regions) and admins, suggestions for schools and providers, the brokers' insights, and the demand in a provider's reach.",
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from intake (kpl1…)' } },
      schemas: {
        Problem: object(['type', 'title', 'status'], {
          type: { type: 'string' },
          title: { type: 'string' },
          status: count,
          detail: { type: 'string' },
        }),
        InsightsSummary: INSIGHTS_SUMMARY,
        ProviderDemand: PROVIDER_DEMAND,
      },
    },
    paths: {
      '/proposals': {
        get: {
          operationId: 'listProposals',
          summary: "Proposals in the token's regions, filtered and sorted",
          security: broker,
          parameters: queryParameters(ListProposalsQuery),
          responses: { '200': { description: 'One page of proposals' }, ...ERRORS },
        },
      },
      '/proposals/{id}': {
        get: {
          operationId: 'getProposal',
          summary: 'One proposal',
          security: broker,
          parameters: [ID],
          responses: { '200': { description: 'The proposal' }, ...ERRORS, '404': problem('No such proposal in your regions') },
        },
      },
      '/proposals/{id}/approve': {
        post: {
          operationId: 'approveProposal',
          summary: 'Approve, once; both sides are mailed',
          security: broker,
          parameters: [ID],
          responses: { '200': { description: 'Approved' }, ...ERRORS, '409': problem('Already decided') },
        },
      },
      '/proposals/{id}/reject': {
        post: {
          operationId: 'rejectProposal',
          summary: 'Reject with a reason, once',
          security: broker,
          parameters: [ID],
          responses: { '200': { description: 'Rejected' }, ...ERRORS, '409': problem('Already decided') },
        },
      },
      '/suggestions': {
        get: {
          operationId: 'listSuggestions',
          summary: "The approved matches of the token's school or provider",
          security: broker,
          responses: { '200': { description: 'Suggestions' }, ...ERRORS },
        },
      },
      '/suggestions/{id}/answer': {
        post: {
          operationId: 'answerSuggestion',
          summary: 'Interested or not, once per side',
          security: broker,
          parameters: [ID],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(SuggestionAnswerInputSchema) } } },
          responses: { '200': { description: 'Recorded' }, ...ERRORS, '409': problem('Already answered') },
        },
      },
      '/insights/summary': {
        get: {
          operationId: 'insightsSummary',
          summary: 'Where demand and supply miss each other in a region and period (issue #14)',
          security: broker,
          parameters: queryParameters(InsightsQuerySchema),
          responses: {
            '200': {
              description: 'The figures',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/InsightsSummary' } } },
            },
            ...ERRORS,
          },
        },
      },
      '/insights/demand': {
        get: {
          operationId: 'providerDemand',
          summary:
            "What schools and organisations in a provider's reach ask for, anonymised (issue #13): a provider's token (its own reach), or an admin's with `provider`",
          security: broker,
          parameters: queryParameters(DemandQuerySchema),
          responses: {
            '200': {
              description: 'Counts by discipline, age band and month, and recent titles without names',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ProviderDemand' } } },
            },
            ...ERRORS,
          },
        },
      },
    },
  };
}

/** `GET /openapi.json`: public, like intake's. */
export function openApiRoute(): Router {
  const document = reviewApiDocument();
  const router = Router();
  router.get('/openapi.json', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(document);
  });
  return router;
}
