import { signToken } from '@koppel/auth';
import { createMemoryTransport } from '@koppel/messaging';
import { bearer, readTestStack, requestJson } from '@koppel/testkit';
import type { RunningIntake } from '../../src';
import { EXAMPLES } from '../../src/http/openapi/examples';
import { startIntakeOn } from './start-intake';

/** A school board asking for its schools (issue #13), on intake's real API and database. */
describe('a school board asking for one of its schools', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const tag = Date.now().toString(36);
  let running: RunningIntake;

  beforeAll(async () => {
    running = await startIntakeOn(transport, { INTAKE_DB: `${stack.namespace}-intake-boards-${tag}` });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  const admin = bearer(stack.adminToken);
  const tokenOf = (org: string) =>
    bearer(signToken(stack.authSecret, { sub: `${org}@example.org`, role: 'requester', org, ttlSeconds: 600 }).token);
  const organisation = (id: string, type: string, name: string, postcode: string, memberOf?: string[]) => ({
    id,
    type,
    name,
    contacts: [{ name: 'Contact', email: `${id}@example.org` }],
    place: { postcode, country: 'BE' },
    ...(memberOf ? { memberOf } : {}),
  });

  it('posts in the school’s name, names the board, and both find it; a school not its member is refused', async () => {
    const [board, school, other] = [`board-${tag}`, `linde-${tag}`, `elders-${tag}`];
    for (const body of [
      organisation(board, 'school_board', 'Scholengroep Leie', '8500'),
      organisation(school, 'school', 'Basisschool De Linde', '8530', [board]),
      organisation(other, 'school', 'Basisschool Elders', '8500'),
    ])
      expect((await requestJson('POST', `${running.url}/organisations`, body, admin)).status).toBe(201);
    const body = (schoolId: string) => ({ ...EXAMPLES.requests.input, school: { id: schoolId, country: 'BE' } });

    const created = await requestJson('POST', `${running.url}/requests`, body(school), tokenOf(board));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      school: { id: school, name: 'Basisschool De Linde', municipality: 'Harelbeke' },
      requestedBy: board,
    });
    for (const who of [board, school]) {
      const listed = await requestJson('GET', `${running.url}/requests`, undefined, tokenOf(who));
      expect({ who, ids: listed.body.items.map((r: { id: string }) => r.id) }).toEqual({ who, ids: [created.body.id] });
    }
    expect((await requestJson('GET', `${running.url}/requests`, undefined, tokenOf(other))).body.items).toEqual([]);
    expect((await requestJson('POST', `${running.url}/requests`, body(other), tokenOf(board))).status).toBe(403);
    // Nobody sets requestedBy by hand.
    const forged = await requestJson('POST', `${running.url}/requests`, { ...body(school), requestedBy: board }, tokenOf(school));
    expect(forged.status).toBe(400);
  });
});
