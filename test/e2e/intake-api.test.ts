import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { addressHashOf, signToken } from '@koppel/auth';
import { TOPICS } from '@koppel/contracts';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, readTopic, requestJson } from '@koppel/testkit';
import { e2eContext, uniqueTag } from './helpers';
import { intakeWorld, UNMATCHABLE_AGES, type IntakeWorld } from './intake-fixtures';

describe('intake API', () => {
  const { stack, kafka, inbox } = e2eContext();
  let world: IntakeWorld;
  let asProvider: Record<string, string>;
  let asRequester: Record<string, string>;
  let asAdmin: Record<string, string>;

  beforeAll(async () => {
    world = await intakeWorld(stack, uniqueTag());
    asProvider = bearer(world.tokens.provider);
    asRequester = bearer(world.tokens.requester);
    asAdmin = bearer(world.tokens.admin);
  });

  /** An offer as a provider writes it: grades instead of ages, a postcode instead of coordinates, no provider. */
  const providerOffer = (extra: Record<string, unknown> = {}) => ({
    title: 'Beeldhouwen met klei',
    description: 'Workshop voor het lager onderwijs.',
    language: 'nl',
    disciplines: ['visual_arts'],
    format: 'workshop',
    grades: ['3de leerjaar', '4de leerjaar'],
    location: { postcode: '8500', country: 'BE' },
    reach: { mode: 'on_site', maxTravelKm: 0 },
    groupSize: { min: 5, max: 25 },
    pricePerPupil: 0,
    inclusion: { freeOrSocialTariff: true, newcomerClasses: true, wheelchairAccess: true },
    availability: [{ from: '2026-09-01', to: '2027-06-30' }],
    ...extra,
  });

  describe('documentation and headers', () => {
    it('serves an OpenAPI 3.1 document generated from the schemas, with examples, and a docs page', async () => {
      const doc = await requestJson('GET', `${world.url}/openapi.json`);
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toBe('3.1.0');
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/offers', '/offers/{id}', '/requests/{id}/withdraw', '/organisations', '/auth/sessions']),
      );
      expect(doc.body.components.schemas.OfferInput.properties.grades).toBeDefined();
      for (const [path, ops] of Object.entries<any>(doc.body.paths)) {
        for (const [method, op] of Object.entries<any>(ops)) {
          const body = op.requestBody?.content?.['application/json'];
          if (body && op.requestBody.required) expect([path, method, body.example !== undefined]).toEqual([path, method, true]);
        }
      }
      const page = await fetch(`${world.url}/docs`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('/offers/{id}/withdraw');
    });

    it('answers API calls with security headers, and 401 problem documents without a token', async () => {
      const res = await requestJson('GET', `${world.url}/offers`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const expired = signToken(stack.authSecret, { sub: 'x', role: 'admin', ttlSeconds: -10 }).token;
      expect((await requestJson('GET', `${world.url}/offers`, undefined, bearer(expired))).body.detail).toMatch(/expired/);
    });
  });

  describe('create and read', () => {
    it('a provider publishes an offer with grades and a postcode: ages, coordinates and provider are filled in, and offer.created carries it', async () => {
      const res = await requestJson('POST', `${world.url}/offers`, providerOffer(), asProvider);
      expect(res.status).toBe(201);
      const offer = res.body;
      expect(offer.id).toMatch(/^off-/);
      expect(res.headers.get('location')).toBe(`/offers/${offer.id}`);
      expect(offer.provider.id).toBe(world.orgs.providerA);
      expect(offer.audience).toEqual({ ageMin: 8, ageMax: 10 });
      expect(offer.location).toMatchObject({ municipality: 'Kortrijk', postcode: '8500', country: 'BE' });
      expect(offer.location.lat).toBeCloseTo(50.83, 1);
      expect(offer.inclusion.newcomerClasses).toBe(true);
      const read = await requestJson('GET', `${world.url}/offers/${offer.id}`, undefined, asProvider);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      const events = await readTopic(kafka, TOPICS.offers, (ms) => ms.some((m) => m.key === offer.id));
      const event = JSON.parse(events.find((m) => m.key === offer.id)!.value!);
      expect(event.type).toBe('offer.created');
      expect(event.payload.offer.availability).toEqual([{ from: '2026-09-01', to: '2027-06-30' }]);
      // Withdraw at once: its realistic ages must not compete in other tests' matches.
      expect((await requestJson('POST', `${world.url}/offers/${offer.id}/withdraw`, {}, asProvider)).status).toBe(200);
    });

    it('a school submits a request with Dutch grades and a municipality; the school and its place come from its organisation', async () => {
      const res = await requestJson(
        'POST',
        `${world.url}/requests`,
        {
          title: 'Theater over vriendschap',
          description: 'Voor groep 5 en 6.',
          language: 'nl',
          grades: ['groep 5', 'groep 6'],
          pupils: { count: 40 },
          maxTravelKm: 0,
          inclusion: { specialNeeds: true },
          preferredPeriod: { from: '2026-10-01', to: '2026-12-18' },
        },
        asRequester,
      );
      expect(res.status).toBe(201);
      expect(res.body.school).toMatchObject({ id: world.orgs.schoolA, municipality: 'Kortrijk', postcode: '8500', type: 'school' });
      expect(res.body.pupils.ageMin).toBeGreaterThanOrEqual(7);
      expect(res.body.pupils.ageMax).toBeLessThanOrEqual(12);
      expect(res.body.disciplines).toEqual([]);
      expect((await requestJson('POST', `${world.url}/requests/${res.body.id}/withdraw`, {}, asRequester)).status).toBe(200);
    });

    it('an admin still posts the batch contract format as it is, and a place by Dutch municipality name resolves', async () => {
      const body = world.offerBody('A');
      expect((await requestJson('POST', `${world.url}/offers`, body, asAdmin)).status).toBe(201);
      const nl = await requestJson(
        'POST',
        `${world.url}/offers`,
        { ...world.offerBody('A'), location: { municipality: 'Utrecht', postcode: '3511', country: 'NL' } },
        asAdmin,
      );
      expect(nl.status).toBe(201);
      expect(nl.body.location.lat).toBeCloseTo(52.09, 1);
    });
  });

  describe('validation', () => {
    it('names every bad field with its path and reason', async () => {
      const res = await requestJson(
        'POST',
        `${world.url}/offers`,
        providerOffer({
          grades: ['een klas'],
          location: { postcode: '0001', country: 'BE' },
          reach: { mode: 'on_site', maxTravelKm: 0, colour: 'blue' },
        }),
        asProvider,
      );
      expect(res.status).toBe(400);
      const byPath = Object.fromEntries(res.body.errors.map((e: any) => [e.path, e.message]));
      expect(byPath.reach).toMatch(/unknown field\(s\): colour/);
      const second = await requestJson(
        'POST',
        `${world.url}/offers`,
        providerOffer({ grades: ['een klas'], location: { postcode: '0001', country: 'BE' } }),
        asProvider,
      );
      const paths = Object.fromEntries(second.body.errors.map((e: any) => [e.path, e.message]));
      expect(paths.grades).toMatch(/no grade recognised/);
      expect(paths['location.postcode']).toMatch(/unknown postcode/);
    });

    it('rejects MongoDB operators, dotted keys and control characters anywhere in the input', async () => {
      const op = await requestJson('POST', `${world.url}/offers`, { ...providerOffer(), provider: { $ne: null } }, asProvider);
      expect(op.status).toBe(400);
      expect(op.body.errors[0].path).toBe('provider.$ne');
      const query = await requestJson('GET', `${world.url}/offers?status[$ne]=x`, undefined, asProvider);
      expect(query.status).toBe(400);
      const control = await requestJson('POST', `${world.url}/offers`, providerOffer({ title: 'a\u0000b' }), asProvider);
      expect(control.status).toBe(400);
      expect(control.body.errors[0]).toEqual({ path: 'title', message: 'must not contain control characters' });
    });

    it('limits the body size', async () => {
      const res = await requestJson('POST', `${world.url}/offers`, providerOffer({ description: 'x'.repeat(200_000) }), asProvider);
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('organisations', () => {
    it('create, replace, mail preference and withdraw each publish their event with the stored revision', async () => {
      const id = `org-lifecycle-${uniqueTag()}`;
      const body = {
        id,
        type: 'academy',
        name: 'Academie Kortrijk',
        contacts: [{ name: 'Secretariaat', email: `${id}@example.org` }],
        place: { postcode: '8500', country: 'BE' },
      };
      expect((await requestJson('POST', `${world.url}/organisations`, body, asAdmin)).status).toBe(201);
      const replaced = await requestJson(
        'PUT',
        `${world.url}/organisations/${id}`,
        { ...body, name: 'Academie voor Beeldende Kunsten Kortrijk' },
        asAdmin,
      );
      expect(replaced.body).toMatchObject({ name: 'Academie voor Beeldende Kunsten Kortrijk', revision: 2 });
      const chosen = await requestJson(
        'PUT',
        `${world.url}/organisations/${id}/mail-preference`,
        { mailPreference: 'daily_digest' },
        asAdmin,
      );
      expect(chosen.body).toMatchObject({ mailPreference: 'daily_digest', name: 'Academie voor Beeldende Kunsten Kortrijk', revision: 3 });
      const withdrawn = await requestJson('POST', `${world.url}/organisations/${id}/withdraw`, {}, asAdmin);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', revision: 4 });
      expect((await requestJson('POST', `${world.url}/organisations/${id}/withdraw`, {}, asAdmin)).status).toBe(409);
      expect((await requestJson('PUT', `${world.url}/organisations/${id}`, body, asAdmin)).status).toBe(409);
      expect(
        (await requestJson('PUT', `${world.url}/organisations/${id}/mail-preference`, { mailPreference: 'each' }, asAdmin)).status,
      ).toBe(409);

      const messages = await readTopic(kafka, TOPICS.organisations, (ms) => ms.filter((m) => m.key === id).length >= 4);
      const events = messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value!));
      expect(events.map((e) => [e.type, e.payload.revision])).toEqual([
        ['organisation.created', 1],
        ['organisation.updated', 2],
        ['organisation.updated', 3],
        ['organisation.withdrawn', 4],
      ]);
      expect(events[2].payload.organisation.mailPreference).toBe('daily_digest');
    });

    it('refuses a mail preference for an organisation that is not a provider, and one in the body of a school', async () => {
      const asSchool = await requestJson(
        'PUT',
        `${world.url}/organisations/${world.orgs.schoolA}/mail-preference`,
        { mailPreference: 'daily_digest' },
        asAdmin,
      );
      expect(asSchool.status).toBe(400);
      expect(asSchool.body.errors).toEqual([{ path: 'mailPreference', message: `'${world.orgs.schoolA}' is not a provider` }]);
      const created = await requestJson(
        'POST',
        `${world.url}/organisations`,
        {
          type: 'school',
          name: 'School',
          contacts: [{ name: 'X', email: `x-${uniqueTag()}@example.org` }],
          mailPreference: 'daily_digest',
        },
        asAdmin,
      );
      expect(created.status).toBe(400);
      expect(created.body.errors).toEqual([expect.objectContaining({ path: 'mailPreference' })]);
    });
  });

  describe('update and withdraw', () => {
    it('replaces with If-Match, publishes offer.updated, and refuses stale revisions and withdrawn listings', async () => {
      const id = await world.create('offers', 'A');
      const { id: _id, ...body } = world.offerBody('A', { title: 'Nieuwe titel' });
      expect((await requestJson('PUT', `${world.url}/offers/${id}`, body, { ...asProvider, 'if-match': '"7"' })).status).toBe(412);
      const updated = await requestJson('PUT', `${world.url}/offers/${id}`, body, { ...asProvider, 'if-match': '"1"' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id, title: 'Nieuwe titel', revision: 2 });
      expect((await requestJson('PUT', `${world.url}/offers/${id}`, { ...body, id: 'another' }, asProvider)).status).toBe(400);
      const events = await readTopic(kafka, TOPICS.offers, (ms) => ms.filter((m) => m.key === id).length >= 2);
      expect(events.filter((m) => m.key === id).map((m) => JSON.parse(m.value!).type)).toEqual(['offer.created', 'offer.updated']);
      const withdrawn = await requestJson('POST', `${world.url}/offers/${id}/withdraw`, { reason: 'Museum in verbouwing' }, asProvider);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', revision: 3 });
      expect((await requestJson('PUT', `${world.url}/offers/${id}`, body, asProvider)).status).toBe(409);
      expect((await requestJson('POST', `${world.url}/offers/${id}/withdraw`, {}, asProvider)).status).toBe(409);
      expect((await requestJson('GET', `${world.url}/offers/${id}`, undefined, asProvider)).body.status).toBe('withdrawn');
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first result for the same key and body, creates nothing new, and 409s another body', async () => {
      const key = `key-${world.tag}`;
      const body = world.requestBody('A');
      delete (body as { id?: string }).id;
      const first = await requestJson('POST', `${world.url}/requests`, body, { ...asRequester, 'idempotency-key': key });
      expect(first.status).toBe(201);
      const again = await Promise.all(
        [1, 2, 3].map(() => requestJson('POST', `${world.url}/requests`, body, { ...asRequester, 'idempotency-key': key })),
      );
      for (const res of again) {
        expect(res.status).toBe(201);
        expect(res.body.id).toBe(first.body.id);
        expect(res.headers.get('idempotent-replayed')).toBe('true');
      }
      const other = await requestJson(
        'POST',
        `${world.url}/requests`,
        { ...body, title: 'Iets anders' },
        { ...asRequester, 'idempotency-key': key },
      );
      expect(other.status).toBe(409);
      const events = await readTopic(kafka, TOPICS.requests, (ms) => ms.some((m) => m.key === first.body.id), 10_000);
      expect(events.filter((m) => m.key === first.body.id)).toHaveLength(1);
    });

    it('concurrent first attempts with one key create one listing', async () => {
      const key = `race-${world.tag}`;
      const body = { ...world.offerBody('A') } as Record<string, unknown>;
      delete body.id;
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => requestJson('POST', `${world.url}/offers`, body, { ...asProvider, 'idempotency-key': key })),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    });
  });

  describe('lists', () => {
    it('pages with a cursor without gaps or repeats, and filters by status, discipline, municipality and age', async () => {
      const tag = uniqueTag();
      const provider = `prov-page-${tag}`;
      expect(
        (
          await requestJson(
            'POST',
            `${world.url}/organisations`,
            { id: provider, type: 'library', name: 'Bib', contacts: [{ name: 'L', email: `${provider}@example.org` }] },
            asAdmin,
          )
        ).status,
      ).toBe(201);
      const h = bearer(signToken(stack.authSecret, { sub: 'l', role: 'provider', org: provider, ttlSeconds: 600 }).token);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await requestJson(
          'POST',
          `${world.url}/offers`,
          {
            ...providerOffer(),
            grades: undefined,
            audience: UNMATCHABLE_AGES.offer,
            disciplines: i % 2 ? ['music'] : ['dance'],
            location: i < 3 ? { postcode: '9000', country: 'BE' } : { municipality: 'Leuven', country: 'BE' },
          },
          h,
        );
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: any = await requestJson(
          'GET',
          `${world.url}/offers?limit=2&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`,
          undefined,
          h,
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((i: any) => i.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
      const newest = await requestJson('GET', `${world.url}/offers?limit=5`, undefined, h);
      expect(newest.body.items.map((i: any) => i.id)).toEqual([...ids].reverse());

      const count = async (query: string) =>
        (await requestJson('GET', `${world.url}/offers?limit=100&${query}`, undefined, h)).body.items.length;
      expect(await count('discipline=music')).toBe(2);
      expect(await count('municipality=gent')).toBe(3);
      expect(await count('municipality=Leuven&discipline=dance')).toBe(1);
      expect(await count('age=110')).toBe(5);
      expect(await count('age=9')).toBe(0);
      await requestJson('POST', `${world.url}/offers/${ids[0]}/withdraw`, {}, h);
      expect(await count('status=active')).toBe(4);
      expect(await count('status=withdrawn')).toBe(1);
      expect((await requestJson('GET', `${world.url}/offers?cursor=nonsense`, undefined, h)).status).toBe(400);
    });
  });

  describe('sign-in by one-time link', () => {
    it('publishes the link for a known contact only, exchanges it once for a session token', async () => {
      const email = `${world.orgs.schoolA}@example.org`;
      expect((await requestJson('POST', `${world.url}/auth/sign-in-links`, { email: `nobody-${world.tag}@example.org` })).status).toBe(202);
      expect((await requestJson('POST', `${world.url}/auth/sign-in-links`, { email: email.toUpperCase() })).status).toBe(202);
      // Keyed by the address's hash: the unknown address made no event.
      const key = addressHashOf(email);
      const events = await readTopic(kafka, TOPICS.signIn, (ms) => ms.some((m) => m.key === key));
      expect(events.filter((m) => m.key === addressHashOf(`nobody-${world.tag}@example.org`))).toHaveLength(0);
      const raw = events.find((m) => m.key === key)!.value!;
      const event = JSON.parse(raw);
      expect(event.type).toBe('signin.link-requested');
      expect(event.payload).toMatchObject({ language: 'nl' });
      // The link and the contact travel sealed: a reader of the topic learns no token and no address (issue #11).
      expect(event.payload.link).toBeUndefined();
      expect(event.payload.email).toBeUndefined();
      expect(event.payload.sealedLink).toMatch(/^v1\./);
      expect(event.payload.sealedContact).toMatch(/^v1\./);
      expect(raw).not.toMatch(/token=/);
      expect(raw.toLowerCase()).not.toContain(email.toLowerCase());
      // Only the mail carries it.
      const [mail] = await inbox.waitForMailTo(email);
      const token = new URL(mail.text.split('\n').find((l: string) => l.startsWith('http'))!).searchParams.get('token')!;
      expect(raw).not.toContain(token);

      const session = await requestJson('POST', `${world.url}/auth/sessions`, { token });
      expect(session.status).toBe(201);
      expect(session.body).toMatchObject({ role: 'requester', organisationId: world.orgs.schoolA });
      expect(
        (await requestJson('GET', `${world.url}/organisations/${world.orgs.schoolA}`, undefined, bearer(session.body.token))).status,
      ).toBe(200);
      expect((await requestJson('GET', `${world.url}/offers`, undefined, bearer(session.body.token))).status).toBe(403);
      expect((await requestJson('POST', `${world.url}/auth/sessions`, { token })).status).toBe(401);
      expect((await requestJson('POST', `${world.url}/auth/sessions`, { token: 'x'.repeat(43) })).status).toBe(401);
    });

    it('answers known and unknown addresses alike, and makes at most 5 links an hour for one address', async () => {
      const known = `${world.orgs.providerA}@example.org`;
      const unknown = `nobody-else-${world.tag}@example.org`;
      const [a, b] = [
        await requestJson('POST', `${world.url}/auth/sign-in-links`, { email: known }),
        await requestJson('POST', `${world.url}/auth/sign-in-links`, { email: unknown }),
      ];
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body).toEqual(b.body);
      for (let i = 0; i < 6; i++) expect((await requestJson('POST', `${world.url}/auth/sign-in-links`, { email: known })).status).toBe(202);
      const key = addressHashOf(known);
      await readTopic(kafka, TOPICS.signIn, (ms) => ms.filter((m) => m.key === key).length >= 5, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await readTopic(kafka, TOPICS.signIn, () => false, 2000)).filter((m) => m.key === key)).toHaveLength(5);
    });
  });

  describe('admin command and rate limits', () => {
    it('npm run admin -- issue-token makes working admin and organisation tokens', () => {
      const env = {
        ...process.env,
        AUTH_TOKEN_SECRET: stack.authSecret,
        MONGO_URI: stack.mongoUri,
        INTAKE_DB: `${stack.namespace}-koppel-intake`,
      };
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'services/intake/src/admin/cli.ts', 'issue-token', ...args], {
          env,
          encoding: 'utf8',
        });
      const admin = run(['--role', 'admin', '--sub', 'ops@example.org', '--ttl-days', '1']);
      expect(admin.status).toBe(0);
      const broker = run(['--org', world.orgs.broker]);
      expect(broker.status).toBe(0);
      const claims = JSON.parse(Buffer.from(broker.stdout.trim().split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ role: 'broker', org: world.orgs.broker, regions: ['BE:8000-8999'] }); // the compact form tokens carry (issue #11)
      expect(run(['--org', 'no-such-org']).stderr).toMatch(/no active organisation/);
      expect(run(['--role', 'admin']).stderr).toMatch(/--sub is required/);
      return fetch(`${world.url}/organisations`, { headers: bearer(admin.stdout.trim()) }).then((res) => expect(res.status).toBe(200));
    });

    it('limits requests per token with 429 and Retry-After', async () => {
      const limited = await startServiceProcess('intake', {
        infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
        ports: 'ephemeral',
        logDir: join(stack.runDir, 'services'),
        namespace: stack.namespace,
        logName: `intake-ratelimit-${world.tag}`,
        extraEnv: { AUTH_TOKEN_SECRET: stack.authSecret, INTAKE_RATE_LIMIT_PER_MINUTE: '3' },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++)
          statuses.push((await requestJson('GET', `${limited.url}/offers?limit=1`, undefined, asProvider)).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
        const last = await requestJson('GET', `${limited.url}/offers?limit=1`, undefined, asProvider);
        expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
        // Another token has its own budget.
        expect((await requestJson('GET', `${limited.url}/offers?limit=1`, undefined, asAdmin)).status).toBe(200);
      } finally {
        await limited.stop();
      }
    });
  });
});
