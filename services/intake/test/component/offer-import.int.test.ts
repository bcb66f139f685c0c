import { signToken } from '@koppel/auth';
import { type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createMemoryTransport } from '@koppel/messaging';
import { bearer, readTestStack, requestJson, waitFor } from '@koppel/testkit';
import type { RunningIntake } from '../../src';
import { startIntakeOn } from './start-intake';

/**
 * The bulk import of offers (issue #13) as a component: intake's real HTTP API and store
 * on the run's database, in this process, publishing through its outbox to the
 * in-process transport. A file is imported whole or not at all, once: importing it
 * again changes nothing and publishes nothing.
 */
describe('importing offers, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const tag = Date.now().toString(36);
  const orgId = `org-import-${tag}`;
  let running: RunningIntake;
  let providerToken: string;

  beforeAll(async () => {
    running = await startIntakeOn(transport, { INTAKE_DB: `${stack.namespace}-intake-import-${Date.now()}` });
    const organisation = await requestJson(
      'POST',
      `${running.url}/organisations`,
      {
        id: orgId,
        type: 'theatre',
        name: 'Theater De Werf',
        contacts: [{ name: 'Ed', email: `educatie-${tag}@example.org`, language: 'nl' }],
      },
      bearer(stack.adminToken),
    );
    expect(organisation.status).toBe(201);
    providerToken = signToken(stack.authSecret, {
      sub: `educatie-${tag}@example.org`,
      role: 'provider',
      org: orgId,
      ttlSeconds: 3600,
    }).token;
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  const eventsOf = async (id: string) =>
    (await transport.readTopic(TOPICS.offers))
      .flatMap((m) => (m.value ? [JSON.parse(m.value) as KoppelEvent] : []))
      .filter((e) => e.key === id)
      .map((e) => e.type);
  const upload = (body: string, type: string, query = '') =>
    requestJson('POST', `${running.url}/offers/imports${query}`, body, { ...bearer(providerToken), 'content-type': type });
  const read = (id: string) => requestJson('GET', `${running.url}/offers/${id}`, undefined, bearer(providerToken));
  const waitForEvents = (id: string, types: string[]) =>
    waitFor(`${types.join(', ')} of ${id}`, async () => (await eventsOf(id)).length >= types.length, { timeoutMs: 10_000, intervalMs: 50 });

  const ids = ['a', 'b', 'c'].map((x) => `werf-${tag}-${x}`);
  const header =
    'id;title;description;language;disciplines;format;ageMin;ageMax;postcode;country;reachMode;maxTravelKm;groupMin;groupMax;pricePerPupil';
  const csvRow = (id: string, ages = '8;10') =>
    `${id};Toneelworkshop ${id};"Spelen; met ""tekst""";nl;theatre;workshop;${ages};8500;BE;on_site;0;5;25;3,50`;
  const csv = (thirdAges: string) => `\uFEFF${header}\r\n${csvRow(ids[0])}\r\n${csvRow(ids[1], thirdAges)}\r\n${csvRow(ids[2])}\r\n`;

  it('when a CSV has a bad row, then nothing is imported and the answer names its line and field; fixed, it is imported once', async () => {
    const refused = await upload(csv('12;8'), 'text/csv');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ title: 'Validation failed', rows: 3, invalidRows: 1 });
    expect(refused.body.errors).toEqual([
      { line: 3, id: ids[1], field: 'audience.ageMax', column: 'ageMax', message: 'ageMin must not exceed ageMax' },
    ]);
    for (const id of ids) expect((await read(id)).status).toBe(404);

    const imported = await upload(csv('9;11'), 'text/csv');
    expect(imported.status).toBe(200);
    expect(imported.body.summary).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
    for (const id of ids) await waitForEvents(id, ['offer.created']);
    const stored = await read(ids[0]);
    expect(stored.body).toMatchObject({
      id: ids[0],
      revision: 1,
      provider: { id: orgId, registered: true },
      description: 'Spelen; met "tekst"',
      location: { municipality: 'Kortrijk', postcode: '8500' },
      pricePerPupil: 3.5,
    });

    // The same file again: every row unchanged, nothing written.
    const again = await upload(csv('9;11'), 'text/csv');
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect((await read(ids[1])).body.revision).toBe(1);

    // JSON Lines, one row: created, then unchanged, then changed (a replace). Its events also
    // show that the unchanged imports in between published nothing.
    const jsonId = `werf-${tag}-json`;
    const line = (title: string) =>
      `${JSON.stringify({
        id: jsonId,
        title,
        description: 'Voorstelling op school',
        language: 'nl',
        disciplines: ['theatre'],
        format: 'performance',
        grades: ['3de leerjaar'],
        location: { postcode: '8500', country: 'BE' },
        reach: { mode: 'at_school', maxTravelKm: 30 },
        groupSize: { min: 20, max: 60 },
        pricePerPupil: 5,
      })}\n`;
    expect((await upload(line('De Werf op school'), 'application/x-ndjson')).body.summary).toMatchObject({ created: 1 });
    await waitForEvents(jsonId, ['offer.created']);
    expect((await upload(line('De Werf op school'), 'application/x-ndjson')).body.summary).toMatchObject({ unchanged: 1 });
    expect((await upload(line('De Werf op jullie school'), 'application/x-ndjson', '?mode=valid-rows')).body.summary).toMatchObject({
      updated: 1,
    });
    await waitForEvents(jsonId, ['offer.created', 'offer.updated']);
    expect(await eventsOf(jsonId)).toEqual(['offer.created', 'offer.updated']);
    expect((await read(jsonId)).body).toMatchObject({ title: 'De Werf op jullie school', revision: 2 });

    // Each CSV offer went out once, also after the file was imported again.
    for (const id of ids) expect(await eventsOf(id)).toEqual(['offer.created']);
  });

  it('when the caller is not a provider or admin, then the import is refused before the file is read', async () => {
    const requester = signToken(stack.authSecret, { sub: 'x@example.org', role: 'requester', org: orgId, ttlSeconds: 600 }).token;
    const res = await requestJson('POST', `${running.url}/offers/imports`, csv('9;11'), {
      ...bearer(requester),
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(403);
  });
});
