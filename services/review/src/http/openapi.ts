import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { SuggestionAnswerInputSchema } from '@koppel/contracts';
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
      description: "Proposals for brokers (their regions) and admins, suggestions for schools and providers, and the brokers' insights.",
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
