import { z } from 'zod';
import {
  MailPreferenceInputSchema,
  ListingQuerySchema,
  OfferInputSchema,
  OfferViewSchema,
  OrganisationInputSchema,
  OrganisationQuerySchema,
  OrganisationViewSchema,
  pageOf,
  ProblemSchema,
  RequestInputSchema,
  RequestViewSchema,
  SessionInputSchema,
  SessionViewSchema,
  SignInLinkInputSchema,
  WithdrawInputSchema,
} from '@koppel/contracts';
import { EXAMPLES } from './examples';

/** What the reference page (docs-page.tsx) reads of a parameter and an operation. */
interface ApiParameter {
  name: string;
  in: string;
  description?: string;
  [field: string]: unknown;
}
interface ApiOperation {
  operationId: string;
  summary: string;
  parameters?: ApiParameter[];
  requestBody?: { content?: Record<string, { example?: unknown }>; [field: string]: unknown };
  responses: Record<string, { description: string }>;
  security?: unknown[];
  [field: string]: unknown;
}

/** The OpenAPI document, typed as far as the reference page reads it. */
export interface ApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, ApiOperation>>;
  [field: string]: unknown;
}

/** JSON Schema (2020-12, which OpenAPI 3.1 uses as is) of a zod schema, without the `$schema` line. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const COMMON_ERRORS = {
  '400': problem('Validation failed: `errors` lists every bad field with its path and reason'),
  '401': problem('No, a forged or an expired bearer token'),
  '403': problem('The role of the token may not use this route'),
  '429': problem('Rate limit of the token exceeded; see Retry-After'),
  '503': problem('The database is briefly unreachable; nothing was changed; retry (with the same Idempotency-Key)'),
};
const ID_PARAM = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' } };
const IDEMPOTENCY_PARAM = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Same key and body: the first result is returned and nothing new is created. Same key, another body: 409.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
};
const IF_MATCH_PARAM = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The revision last read, e.g. "3"; another revision gives 412.',
  schema: { type: 'string', pattern: '^"?[0-9]{1,9}"?$' },
};

/** Query parameters from a zod object schema, one per key. */
function queryParameters(schema: z.ZodObject): ApiParameter[] {
  const json = jsonSchema(schema, 'input') as { properties: Record<string, Record<string, unknown>> };
  return Object.entries(json.properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

function json(schemaRef: string, example?: unknown) {
  return { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaRef}` }, ...(example ? { example } : {}) } } };
}

function listingPaths(plural: 'offers' | 'requests', Name: 'Offer' | 'Request') {
  const example = EXAMPLES[plural];
  return {
    [`/${plural}`]: {
      post: {
        operationId: `create${Name}`,
        summary: `Create a ${Name.toLowerCase()}`,
        tags: [plural],
        parameters: [IDEMPOTENCY_PARAM],
        requestBody: { required: true, ...json(`${Name}Input`, example.input) },
        responses: {
          '201': { description: 'Created (or the first result of the same Idempotency-Key)', ...json(`${Name}View`, example.view) },
          ...COMMON_ERRORS,
          '409': problem('The id exists, or the Idempotency-Key was used with another body'),
        },
      },
      get: {
        operationId: `list${Name}s`,
        summary: `List ${plural} the token may see, newest change first; cursor pagination`,
        tags: [plural],
        parameters: queryParameters(ListingQuerySchema),
        responses: {
          '200': {
            description: 'One page; pass nextCursor as cursor for the next',
            ...json(`${Name}Page`, { items: [example.view], nextCursor: null, limit: 20 }),
          },
          ...COMMON_ERRORS,
        },
      },
    },
    [`/${plural}/{id}`]: {
      get: {
        operationId: `get${Name}`,
        summary: `One ${Name.toLowerCase()} (ETag: its revision)`,
        tags: [plural],
        parameters: [ID_PARAM],
        responses: {
          '200': { description: 'Found', ...json(`${Name}View`, example.view) },
          '404': problem('None, or not visible to this token'),
          ...COMMON_ERRORS,
        },
      },
      put: {
        operationId: `update${Name}`,
        summary: `Replace a ${Name.toLowerCase()}; publishes ${Name.toLowerCase()}.updated${Name === 'Offer' ? ' (matching runs again)' : ''}`,
        tags: [plural],
        parameters: [ID_PARAM, IF_MATCH_PARAM],
        requestBody: { required: true, ...json(`${Name}Input`, example.input) },
        responses: {
          '200': { description: 'Updated', ...json(`${Name}View`, example.view) },
          '404': problem('None, or not visible to this token'),
          '409': problem('Withdrawn, or changed meanwhile'),
          '412': problem('If-Match names another revision'),
          ...COMMON_ERRORS,
        },
      },
    },
    [`/${plural}/{id}/withdraw`]: {
      post: {
        operationId: `withdraw${Name}`,
        summary: `Withdraw (kept for history); publishes ${Name.toLowerCase()}.withdrawn`,
        tags: [plural],
        parameters: [ID_PARAM],
        requestBody: { required: false, ...json('WithdrawInput', { reason: 'Niet meer beschikbaar dit schooljaar' }) },
        responses: {
          '200': { description: 'Withdrawn', ...json(`${Name}View`) },
          '404': problem('None, or not visible'),
          '409': problem('Already withdrawn'),
          ...COMMON_ERRORS,
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the intake API, generated from the same zod schemas the routes parse with. */
export function openApiDocument(serverUrl?: string): ApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'koppel intake API',
      version: '1.0.0',
      description:
        'Organisations, offers and requests. Authenticate with `Authorization: Bearer <token>` (docs/security.md). Errors are `application/problem+json` (RFC 9457).',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    tags: [{ name: 'offers' }, { name: 'requests' }, { name: 'organisations' }, { name: 'sign-in' }],
    paths: {
      ...listingPaths('offers', 'Offer'),
      ...listingPaths('requests', 'Request'),
      '/organisations': {
        post: {
          operationId: 'createOrganisation',
          summary: 'Create an organisation (admin)',
          tags: ['organisations'],
          parameters: [IDEMPOTENCY_PARAM],
          requestBody: { required: true, ...json('OrganisationInput', EXAMPLES.organisations.input) },
          responses: {
            '201': { description: 'Created', ...json('OrganisationView', EXAMPLES.organisations.view) },
            '409': problem('The id exists, or the Idempotency-Key was used with another body'),
            ...COMMON_ERRORS,
          },
        },
        get: {
          operationId: 'listOrganisations',
          summary: 'List organisations (admin)',
          tags: ['organisations'],
          parameters: queryParameters(OrganisationQuerySchema),
          responses: { '200': { description: 'One page', ...json('OrganisationPage') }, ...COMMON_ERRORS },
        },
      },
      '/organisations/{id}': {
        get: {
          operationId: 'getOrganisation',
          summary: 'One organisation (admin, or the organisation itself)',
          tags: ['organisations'],
          parameters: [ID_PARAM],
          responses: {
            '200': { description: 'Found', ...json('OrganisationView', EXAMPLES.organisations.view) },
            '404': problem('None, or not visible'),
            ...COMMON_ERRORS,
          },
        },
        put: {
          operationId: 'updateOrganisation',
          summary: 'Replace an organisation (admin)',
          tags: ['organisations'],
          parameters: [ID_PARAM],
          requestBody: { required: true, ...json('OrganisationInput', EXAMPLES.organisations.input) },
          responses: {
            '200': { description: 'Updated', ...json('OrganisationView') },
            '404': problem('None'),
            '409': problem('Withdrawn'),
            ...COMMON_ERRORS,
          },
        },
        delete: {
          operationId: 'eraseOrganisation',
          summary:
            "Erase an organisation's people everywhere (admin, `?erase=true`): contacts, names and addresses are deleted or anonymised in every service; the organisation is withdrawn. Erasing again finishes an interrupted erasure.",
          tags: ['organisations'],
          parameters: [ID_PARAM, { name: 'erase', in: 'query', required: true, schema: { type: 'string', enum: ['true'] } }],
          responses: {
            '200': { description: 'Erased', ...json('OrganisationView') },
            '404': problem('None'),
            '409': problem('Changed meanwhile'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/organisations/{id}/withdraw': {
        post: {
          operationId: 'withdrawOrganisation',
          summary: 'Withdraw an organisation (admin); its sign-in links stop working',
          tags: ['organisations'],
          parameters: [ID_PARAM],
          requestBody: { required: false, ...json('WithdrawInput') },
          responses: {
            '200': { description: 'Withdrawn', ...json('OrganisationView') },
            '404': problem('None'),
            '409': problem('Already withdrawn'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/organisations/{id}/mail-preference': {
        put: {
          operationId: 'chooseMailPreference',
          summary:
            "A provider's choice of match mails: one per approved match ('each') or one daily digest (the provider itself, or an admin)",
          tags: ['organisations'],
          parameters: [ID_PARAM],
          requestBody: { required: true, ...json('MailPreferenceInput', { mailPreference: 'daily_digest' }) },
          responses: {
            ...COMMON_ERRORS,
            '200': { description: 'Chosen; the notifier follows the organisation event', ...json('OrganisationView') },
            '403': problem('The organisation is not a provider'),
            '404': problem('None, or not visible'),
            '409': problem('Withdrawn'),
          },
        },
      },
      '/auth/sign-in-links': {
        post: {
          operationId: 'requestSignInLink',
          summary: 'Mail a one-time sign-in link to a contact (always 202: no account enumeration)',
          tags: ['sign-in'],
          security: [],
          requestBody: { required: true, ...json('SignInLinkInput', { email: 'directie@example.org' }) },
          responses: {
            '202': { description: 'Accepted' },
            '400': COMMON_ERRORS['400'],
            '429': COMMON_ERRORS['429'],
            '503': COMMON_ERRORS['503'],
          },
        },
      },
      '/auth/sessions': {
        post: {
          operationId: 'startSession',
          summary: "Exchange a sign-in link's token (once, before it expires) for a session bearer token",
          tags: ['sign-in'],
          security: [],
          requestBody: { required: true, ...json('SessionInput', { token: 'the-token-from-the-link' }) },
          responses: {
            '201': { description: 'Session', ...json('Session') },
            '400': COMMON_ERRORS['400'],
            '401': problem('Unknown, used or expired link'),
            '409': problem('Used concurrently; try once more'),
            '429': COMMON_ERRORS['429'],
            '503': COMMON_ERRORS['503'],
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'kpl1 (HMAC-SHA256 signed claims)' } },
      schemas: {
        OfferInput: jsonSchema(OfferInputSchema, 'input'),
        OfferView: jsonSchema(OfferViewSchema, 'output'),
        OfferPage: jsonSchema(pageOf(OfferViewSchema), 'output'),
        RequestInput: jsonSchema(RequestInputSchema, 'input'),
        RequestView: jsonSchema(RequestViewSchema, 'output'),
        RequestPage: jsonSchema(pageOf(RequestViewSchema), 'output'),
        OrganisationInput: jsonSchema(OrganisationInputSchema, 'input'),
        OrganisationView: jsonSchema(OrganisationViewSchema, 'output'),
        OrganisationPage: jsonSchema(pageOf(OrganisationViewSchema), 'output'),
        WithdrawInput: jsonSchema(WithdrawInputSchema, 'input'),
        MailPreferenceInput: jsonSchema(MailPreferenceInputSchema, 'input'),
        SignInLinkInput: jsonSchema(SignInLinkInputSchema, 'input'),
        SessionInput: jsonSchema(SessionInputSchema, 'input'),
        Session: jsonSchema(SessionViewSchema, 'output'),
        Problem: jsonSchema(ProblemSchema, 'output'),
      },
    },
  };
}
