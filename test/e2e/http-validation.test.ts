import { TOPICS } from '@koppel/contracts';
import { bearer, readTopic, requestJson } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag } from './helpers';

describe('an invalid HTTP body', () => {
  const { stack, kafka } = e2eContext();

  it('gets a 400 problem document naming each bad field and why; nothing is stored or published', async () => {
    const tag = uniqueTag();
    const { offer } = goodPair('req-0001', 'off-0035', tag);
    const broken = {
      ...offer,
      format: 'festival',
      audience: { ageMin: 12, ageMax: 9 },
      provider: { ...offer.provider, email: 'not-an-email' },
      pricePerPupil: -3,
      colour: 'blue',
    };
    const res = await requestJson('POST', `${stack.services.intake.url}/offers`, broken, bearer(stack.adminToken));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.title).toBe('Validation failed');
    const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath.format).toMatch(/workshop/);
    expect(byPath['audience.ageMax']).toMatch(/ageMin must not exceed ageMax/);
    expect(byPath['provider.email']).toMatch(/email/);
    expect(byPath.pricePerPupil).toMatch(/>=0|0/);
    expect(byPath['(body)']).toMatch(/unknown field\(s\): colour/);

    expect((await requestJson('GET', `${stack.services.intake.url}/offers/${offer.id}`, undefined, bearer(stack.adminToken))).status).toBe(
      404,
    );
    const events = await readTopic(kafka, TOPICS.offers, () => false, 3000);
    expect(events.filter((m) => m.key === offer.id)).toHaveLength(0);
  });

  it('answers malformed JSON with a 400 too', async () => {
    const res = await requestJson('POST', `${stack.services.intake.url}/requests`, '{"title": ', bearer(stack.adminToken));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ path: '(body)', message: 'not valid JSON' });
  });

  it('answers hostile nesting with a 400 (with a token) or a 401 without reading the body (without one), never a 500, and stays healthy meanwhile', async () => {
    const deepArray = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const deepObject = `${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}`;
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${stack.services.intake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    for (const [path, body] of [
      ['/requests', deepArray],
      ['/offers', deepObject],
    ] as const) {
      expect((await post(path, body)).status).toBe(401);
      const res = await post(path, body, bearer(stack.adminToken));
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: Array<{ message: string }> };
      expect(problem.errors[0].message).toMatch(/nested more than 12 levels/);
    }
    // Eight clients at once keep sending them, half with a token; the health check stays quick.
    const stop = Date.now() + 3000;
    const attackers = Array.from({ length: 8 }, async (_, i) => {
      while (Date.now() < stop)
        expect((await post('/offers', deepObject, i % 2 ? bearer(stack.adminToken) : {})).status).toBe(i % 2 ? 400 : 401);
    });
    const health: number[] = [];
    while (Date.now() < stop) {
      const started = performance.now();
      expect((await fetch(`${stack.services.intake.url}/healthz`)).status).toBe(200);
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(attackers);
    health.sort((a, b) => a - b);
    expect(health[Math.floor(health.length * 0.99)]).toBeLessThan(500);
  });
});
