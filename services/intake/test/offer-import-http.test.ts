import { signToken } from '@koppel/auth';
import type { Organisation } from '@koppel/contracts';
import { offerTemplateCsv } from '../src/app/imports/offer-columns';
import { loadIntakeConfig } from '../src/config';
import { openApiDocument } from '../src/http/openapi/document';
import { memoryStores, recordingPublication } from './fakes';
import { startTestApi } from './test-api';

/**
 * The offer import over HTTP, on in-memory stores: its routes, media types, modes, limits
 * and status codes, and the public template and column guide (the component test
 * offer-import.int.test.ts does the same on the real database and transport).
 */
const config = loadIntakeConfig({ AUTH_TOKEN_SECRET: 's'.repeat(48), SIGNIN_LINK_KEY: 'k'.repeat(48) });
const tokenFor = (role: 'admin' | 'provider' | 'requester' | 'broker', org?: string) =>
  signToken(config.AUTH_TOKEN_SECRET, {
    sub: 'test@example.org',
    role,
    org,
    ...(role === 'broker' ? { regions: [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999 }] } : {}),
    ttlSeconds: 600,
  }).token;
const organisation = (id: string, role: string, type: string): Organisation =>
  ({ id, type, role, name: `Org ${id}`, contacts: [{ name: 'Ed', email: `info@${id}.example.org`, language: 'nl' }] }) as Organisation;

const HEADER =
  'id;title;description;language;disciplines;format;grades;postcode;country;reachMode;maxTravelKm;groupMin;groupMax;pricePerPupil';
const row = (id: string, grades = '3de leerjaar') =>
  `${id};Workshop ${id};"Klei, water;\nen ""geduld""";nl;visual_arts;workshop;${grades};8500;BE;on_site;0;5;25;4,50`;

describe('the offer import over HTTP', () => {
  const stores = memoryStores();
  stores.organisations.add(organisation('org-prov', 'provider', 'theatre'));
  stores.organisations.add(organisation('org-school', 'requester', 'school'));
  stores.organisations.add(organisation('org-broker', 'broker', 'broker'));
  const publication = recordingPublication();
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let url: string;

  beforeAll(async () => {
    api = await startTestApi(stores, publication, config);
    url = api.url;
  });
  afterAll(() => api.close());

  const provider = tokenFor('provider', 'org-prov');
  const send = async (path: string, body: string | undefined, type = 'text/csv', token = provider) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...(type ? { 'content-type': type } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
  };

  it('serves the template without a token: BOM, header and example row, comma or semicolon', async () => {
    const res = await fetch(`${url}/offers/imports/template.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(offerTemplateCsv());
    const semicolon = await (await fetch(`${url}/offers/imports/template.csv?separator=semicolon`)).text();
    expect(semicolon.split('\r\n')[0]).toMatch(/^id;title;description;/);
    expect((await fetch(`${url}/offers/imports/template.csv?separator=tab`)).status).toBe(400);
  });

  it('serves the column guide without a token', async () => {
    const res = await fetch(`${url}/offers/imports/columns`);
    expect(res.status).toBe(200);
    const guide = (await res.json()) as { columns: Array<{ name: string; required: string; meaning: Record<string, string> }> };
    expect(guide.columns.find((c) => c.name === 'ageMin')).toMatchObject({ required: 'conditional', meaning: { nl: expect.any(String) } });
  });

  it('imports the template as it is for a provider', async () => {
    const res = await send('/offers/imports', offerTemplateCsv());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'all',
      format: 'csv',
      summary: { rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
      rows: [{ line: 2, id: 'rondleiding-1302', result: 'created', location: '/offers/rondleiding-1302' }],
      errors: [],
    });
    expect(stores.offers.docs.get('rondleiding-1302')?.ownerId).toBe('org-prov');
  });

  it("mode 'all' answers 400 naming the line and field of every error, and imports nothing", async () => {
    const res = await send('/offers/imports', [HEADER, row('h-a'), row('h-b', 'onbekend'), row('h-c')].join('\r\n'));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'about:blank',
      title: 'Validation failed',
      status: 400,
      instance: '/offers/imports',
      rows: 3,
      invalidRows: 1,
      errors: [{ line: 4, id: 'h-b', field: 'grades', column: 'grades', message: expect.stringContaining('no grade recognised') }],
    });
    expect(stores.offers.docs.has('h-a')).toBe(false);
  });

  it("mode 'valid-rows' imports the valid rows and answers 207; the same file again is all unchanged (200)", async () => {
    const file = [HEADER, row('v-a'), row('v-b', 'onbekend'), row('v-c')].join('\r\n');
    const first = await send('/offers/imports?mode=valid-rows', file);
    expect(first.status).toBe(207);
    expect(first.body.summary).toEqual({ rows: 3, created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(first.body.rows[1]).toEqual({ line: 4, id: 'v-b', result: 'rejected' });
    expect(stores.offers.docs.get('v-a')?.data).toMatchObject({ description: 'Klei, water;\nen "geduld"', pricePerPupil: 4.5 });
    const calls = publication.calls.length;
    const again = await send('/offers/imports', [HEADER, row('v-a'), row('v-c')].join('\r\n'));
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(publication.calls.length).toBe(calls);
  });

  it('takes JSON Lines', async () => {
    const line = {
      id: 'j-1',
      title: 'Voorstelling',
      description: '',
      language: 'nl',
      disciplines: ['theatre'],
      format: 'performance',
      audience: { ageMin: 6, ageMax: 8 },
      location: { postcode: '8500', country: 'BE' },
      reach: { mode: 'at_school', maxTravelKm: 40 },
      groupSize: { min: 10, max: 60 },
      pricePerPupil: 6,
    };
    const res = await send('/offers/imports', `${JSON.stringify(line)}\n`, 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'jsonl', rows: [{ line: 1, id: 'j-1', result: 'created' }] });
  });

  it('refuses a header it cannot read with a 400 on line 1, whatever the mode', async () => {
    const res = await send('/offers/imports?mode=valid-rows', `${HEADER};colour\r\n${row('x')};red`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ line: 1, field: '(header)', column: 'colour', message: expect.stringContaining('unknown column') }]);
  });

  it('needs a token, and a role that may create offers', async () => {
    const file = [HEADER, row('r-a')].join('\r\n');
    expect((await send('/offers/imports', file, 'text/csv', '')).status).toBe(401);
    expect((await send('/offers/imports', file, 'text/csv', tokenFor('broker', 'org-broker'))).status).toBe(403);
    expect((await send('/offers/imports', file, 'text/csv', tokenFor('requester', 'org-school'))).status).toBe(403);
    expect(stores.offers.docs.has('r-a')).toBe(false);
  });

  it('answers 415 for another media type and 400 for an unknown mode', async () => {
    const file = [HEADER, row('m-a')].join('\r\n');
    const other = await send('/offers/imports', file, 'text/plain');
    expect(other.status).toBe(415);
    expect(other.body.detail).toContain('text/csv');
    expect((await send('/offers/imports?mode=some', file)).status).toBe(400);
    expect((await send('/offers/imports', '', 'text/csv')).status).toBe(400);
  });

  it('answers 413 above 5 MB or 5,000 rows', async () => {
    const big = await send('/offers/imports', `id\n${'x'.repeat(5 * 1024 * 1024 + 1)}`);
    expect(big.status).toBe(413);
    expect(big.body.detail).toContain('5 MB');
    const many = await send('/offers/imports', `id\n${Array.from({ length: 5001 }, (_, i) => `r${i}`).join('\n')}`);
    expect(many.status).toBe(413);
    expect(many.body).toMatchObject({ title: 'Too many rows', detail: expect.stringContaining('5000') });
  });

  it('is in the OpenAPI document', () => {
    const document = openApiDocument();
    expect(document.paths['/offers/imports'].post.operationId).toBe('importOffers');
    expect(Object.keys(document.paths['/offers/imports'].post.requestBody?.content ?? {})).toEqual(['text/csv', 'application/x-ndjson']);
    expect(document.paths['/offers/imports/template.csv'].get.security).toEqual([]);
    expect(document.paths['/offers/imports/columns'].get.security).toEqual([]);
  });
});
