import { z } from 'zod';
import {
  MailPreferenceInputSchema,
  ListingQuerySchema,
  OfferInputSchema,
  OfferSchema,
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
  SignUpConfirmationInputSchema,
  SignUpInputSchema,
  WithdrawInputSchema,
} from '@koppel/contracts';
import { EXAMPLES } from './examples';
import { ImportProblemSchema, OfferColumnGuideSchema, OfferImportReportSchema } from './import-schemas';
import { offerTemplateCsv } from '../../app/imports/offer-columns';

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

/** The catalogue's query parameters (`CatalogueQuerySchema` in @koppel/catalogue, plus `near` and `country`). */
const CATALOGUE_PARAMETERS: ApiParameter[] = [
  { name: 'q', in: 'query', description: 'Words, e.g. "boetseren klei"', schema: { type: 'string', maxLength: 200 } },
  { name: 'age', in: 'query', description: 'An age the audience must include', schema: { type: 'integer', minimum: 0 } },
  { name: 'grade', in: 'query', description: 'A grade as written ("3de leerjaar", "groep 5", "CE2")', schema: { type: 'string' } },
  { name: 'discipline', in: 'query', description: 'Disciplines (any of them)', schema: { type: 'string' } },
  { name: 'format', in: 'query', description: 'Formats (any of them)', schema: { type: 'string' } },
  { name: 'language', in: 'query', description: 'nl, fr, en (any of them)', schema: { type: 'string' } },
  { name: 'near', in: 'query', description: 'A postcode or municipality in BE or NL: distances from there', schema: { type: 'string' } },
  {
    name: 'country',
    in: 'query',
    description: 'BE or NL, for `near` (absent: BE, then NL)',
    schema: { type: 'string', enum: ['BE', 'NL'] },
  },
  { name: 'lat', in: 'query', description: 'Instead of `near`: latitude (with lon)', schema: { type: 'number' } },
  { name: 'lon', in: 'query', description: 'Instead of `near`: longitude (with lat)', schema: { type: 'number' } },
  { name: 'km', in: 'query', description: 'Only offers within this many km (needs near or lat/lon)', schema: { type: 'number' } },
  {
    name: 'price',
    in: 'query',
    description: 'free (price 0) or social (free or a social tariff)',
    schema: { type: 'string', enum: ['free', 'social'] },
  },
  { name: 'maxPrice', in: 'query', description: 'At most this many euro per pupil', schema: { type: 'number', minimum: 0 } },
  ...['newcomerClasses', 'specialNeeds', 'wheelchairAccess', 'languageSupport'].map((name) => ({
    name,
    in: 'query',
    description: `true: only offers that state ${name}`,
    schema: { type: 'boolean' },
  })),
  {
    name: 'sort',
    in: 'query',
    description: 'relevance (default with words), distance, price, title (default without words)',
    schema: { type: 'string', enum: ['relevance', 'distance', 'price', 'title'] },
  },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];

/** A page of catalogue results (`CatalogueResult` in @koppel/catalogue). */
const CATALOGUE_PAGE = {
  type: 'object',
  required: ['total', 'page', 'pageSize', 'items'],
  properties: {
    total: { type: 'integer' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['offer'],
        properties: {
          offer: {
            type: 'object',
            description:
              'A result card: id, title, provider {id, name}, excerpt, disciplines, format, audience, location (municipality, postcode, country), pricePerPupil, inclusion, language',
          },
          score: { type: 'number', description: 'BM25 of the words (with words only)' },
          distanceKm: { type: 'number', description: 'From near or lat/lon (with a place only)' },
        },
      },
    },
  },
};

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

/** The bulk import of offers (issue #13): the import, its CSV template and the guide to its columns. */
function offerImportPaths() {
  const template = offerTemplateCsv().replace(/^\uFEFF/, '');
  const jsonLine = JSON.stringify({ id: 'rondleiding-1302', ...EXAMPLES.offers.input });
  const report = {
    mode: 'all',
    format: 'csv',
    summary: { rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
    rows: [{ line: 2, id: 'rondleiding-1302', result: 'created', location: '/offers/rondleiding-1302' }],
    errors: [],
  };
  const publicCsv = { 'text/csv': { schema: { type: 'string' } } };
  return {
    '/offers/imports': {
      post: {
        operationId: 'importOffers',
        summary:
          "Import offers from a CSV file (the template's columns, `,` or `;`) or JSON Lines (one offer body per line, the batch contract's format). Every row is checked with the offer schema; idempotent by each row's `id` (the provider's own): a row equal to its stored offer changes nothing, a changed row replaces it (offer.updated), a new one is created (offer.created). A provider imports its own offers; an admin names the provider per row.",
        tags: ['offers'],
        parameters: [
          {
            name: 'mode',
            in: 'query',
            required: false,
            description:
              '`all` (default): any invalid row and nothing is imported (400 naming every error); `valid-rows`: the valid rows are imported, the others reported (207).',
            schema: { type: 'string', enum: ['all', 'valid-rows'], default: 'all' },
          },
        ],
        requestBody: {
          required: true,
          description: 'At most 5 MB and 5,000 rows; UTF-8 (with or without BOM).',
          content: {
            'text/csv': { schema: { type: 'string' }, example: template },
            'application/x-ndjson': { schema: { type: 'string' }, example: `${jsonLine}\n` },
          },
        },
        responses: {
          '200': { description: 'Every row imported: created, updated or unchanged', ...json('OfferImportReport', report) },
          '207': { description: 'Mode valid-rows: the valid rows imported, the rejected ones in `errors`', ...json('OfferImportReport') },
          '400': {
            description:
              'Nothing imported: the file cannot be read (empty, unknown or missing columns), or mode all and some rows are invalid; `errors` lists each `{line, field, message, column?, id?}`',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ImportProblem' } } },
          },
          '401': COMMON_ERRORS['401'],
          '403': problem('Not an admin or provider, or the organisation of the token is gone'),
          '409': problem('Mode all: some offers changed while importing (the other rows were imported); send the file again'),
          '413': problem('More than 5 MB or more than 5,000 rows: split the file'),
          '415': problem('Neither text/csv nor application/x-ndjson'),
          '429': COMMON_ERRORS['429'],
          '503': problem('The database is briefly unreachable; rows may have been imported; send the same file again to finish'),
        },
      },
    },
    '/offers/imports/template.csv': {
      get: {
        operationId: 'offerImportTemplate',
        summary: 'The CSV template of an offer import: the header row and one example row (UTF-8 with BOM)',
        tags: ['offers'],
        security: [],
        parameters: [
          {
            name: 'separator',
            in: 'query',
            required: false,
            description: '`comma` (default) or `semicolon` (what Dutch and Belgian Excel opens as columns)',
            schema: { type: 'string', enum: ['comma', 'semicolon'], default: 'comma' },
          },
        ],
        responses: { '200': { description: 'The template', content: publicCsv }, '400': COMMON_ERRORS['400'] },
      },
    },
    '/offers/imports/columns': {
      get: {
        operationId: 'offerImportColumns',
        summary: 'Every column of the CSV import: its field, meaning, allowed values and whether it is required, in nl, fr and en',
        tags: ['offers'],
        security: [],
        responses: { '200': { description: 'The guide', ...json('OfferColumnGuide') } },
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
      ...offerImportPaths(),
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
      '/catalogue': {
        get: {
          operationId: 'searchCatalogue',
          summary: 'Search the public catalogue of active offers (no token; cacheable for 30 s, with an ETag)',
          description:
            "Words are read with the matching engine's analyser (Dutch, French, English stems; taxonomy synonyms); every word must match. Lists take repeated keys or commas.",
          tags: ['catalogue'],
          security: [],
          parameters: CATALOGUE_PARAMETERS,
          responses: {
            '200': { description: 'A page of result cards, best first', ...json('CataloguePage') },
            '304': { description: 'Not modified since the ETag in If-None-Match' },
            '400': problem('A bad parameter: `errors` names each with its reason'),
            '429': problem('Too many searches from this address; see Retry-After'),
          },
        },
      },
      '/catalogue/offers/{id}': {
        get: {
          operationId: 'readCatalogueOffer',
          summary: "One active offer with everything a teacher needs (the provider's contact address left out)",
          tags: ['catalogue'],
          security: [],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The offer', ...json('CatalogueOffer') },
            '404': problem('No active offer with this id'),
          },
        },
      },
      '/sign-ups': {
        post: {
          operationId: 'signUp',
          summary: 'An organisation signs up itself; its contact gets a link to confirm the address (issue #13)',
          description:
            'Any kind from the partner taxonomy but broker. The organisation exists for others only once a broker of its region approved it after the confirmation.',
          tags: ['sign-up'],
          security: [],
          requestBody: {
            required: true,
            ...json('SignUpInput', {
              type: 'after_school_care',
              name: 'BSO Het Speelnest',
              place: { postcode: '8500', country: 'BE' },
              contact: { name: 'Lotte Claes', email: 'lotte@example.org', language: 'nl' },
            }),
          },
          responses: {
            '202': { description: 'Stored; the confirmation link is on its way' },
            '400': COMMON_ERRORS['400'],
            '429': COMMON_ERRORS['429'],
            '503': COMMON_ERRORS['503'],
          },
        },
      },
      '/sign-ups/confirmations': {
        post: {
          operationId: 'confirmSignUp',
          summary: "Confirm a sign-up's address with the token of its link; the sign-up then goes to the region's brokers",
          tags: ['sign-up'],
          security: [],
          requestBody: { required: true, ...json('SignUpConfirmationInput', { token: 'the-token-from-the-link' }) },
          responses: {
            '200': { description: '`{organisationId, status}`: awaiting_approval, or where it stands when confirmed before' },
            '400': COMMON_ERRORS['400'],
            '404': problem('Unknown or expired link'),
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
        SignUpInput: jsonSchema(SignUpInputSchema, 'input'),
        SignUpConfirmationInput: jsonSchema(SignUpConfirmationInputSchema, 'input'),
        CataloguePage: CATALOGUE_PAGE,
        CatalogueOffer: jsonSchema(
          OfferSchema.omit({ provider: true }).extend({ provider: z.object({ id: z.string(), name: z.string() }) }),
          'output',
        ),
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
        OfferImportReport: jsonSchema(OfferImportReportSchema, 'output'),
        ImportProblem: jsonSchema(ImportProblemSchema, 'output'),
        OfferColumnGuide: jsonSchema(OfferColumnGuideSchema, 'output'),
      },
    },
  };
}
