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
    expect(byPath['format']).toMatch(/workshop/);
    expect(byPath['audience.ageMax']).toMatch(/ageMin must not exceed ageMax/);
    expect(byPath['provider.email']).toMatch(/email/);
    expect(byPath['pricePerPupil']).toMatch(/>=0|0/);
    expect(byPath['(body)']).toMatch(/unknown field\(s\): colour/);

    expect((await requestJson('GET', `${stack.services.intake.url}/offers/${offer.id}`, undefined, bearer(stack.adminToken))).status).toBe(404);
    const events = await readTopic(kafka, TOPICS.offers, () => false, 3000);
    expect(events.filter((m) => m.key === offer.id)).toHaveLength(0);
  });

  it('answers malformed JSON with a 400 too', async () => {
    const res = await requestJson('POST', `${stack.services.intake.url}/requests`, '{"title": ', bearer(stack.adminToken));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ path: '(body)', message: 'not valid JSON' });
  });
});
