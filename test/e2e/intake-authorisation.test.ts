import { requestJson } from '@koppel/testkit';
import { e2eContext, uniqueTag } from './helpers';
import { intakeWorld, type IntakeWorld } from './intake-fixtures';

/**
 * The whole authorisation matrix: every role × every route × own/other's data,
 * each answer asserted. "own" for a broker means inside its regions.
 */
type Role = 'admin' | 'requester' | 'provider' | 'broker' | 'anonymous' | 'forged';
type Target = 'own' | 'other';
type Kind = 'offers' | 'requests';
const ROLES: Role[] = ['admin', 'requester', 'provider', 'broker', 'anonymous', 'forged'];
const OWNER_OF: Record<Kind, Role> = { offers: 'provider', requests: 'requester' };

/** What each cell must answer. */
function expected(role: Role, kind: Kind, op: 'list' | 'get' | 'create' | 'update' | 'withdraw', target: Target): number {
  if (role === 'anonymous' || role === 'forged') return 401;
  const okStatus = op === 'create' ? 201 : 200;
  if (role === 'admin') return okStatus;
  if (role === 'broker') {
    if (op !== 'list' && op !== 'get') return 403;
    return op === 'list' || target === 'own' ? 200 : 404;
  }
  if (OWNER_OF[kind] !== role) return 403;
  if (op === 'list') return 200;
  if (op === 'create') return target === 'own' ? 201 : 403;
  return target === 'own' ? 200 : 404;
}

describe('intake authorisation matrix', () => {
  const { stack } = e2eContext();
  let world: IntakeWorld;
  const cells: { role: Role; route: string; target: string; want: number; got: number }[] = [];

  beforeAll(async () => {
    world = await intakeWorld(stack, uniqueTag());
  });

  const headersOf = (role: Role): Record<string, string> => {
    if (role === 'anonymous') return {};
    if (role === 'forged') return world.headers(`${world.tokens.admin.slice(0, -4)}AAAA`);
    return world.headers(world.tokens[role]);
  };
  /** The owner letter of "own"/"other" data for a role: A is the requester's, provider's and the broker's region. */
  const ownerOf = (target: Target) => (target === 'own' ? 'A' : 'B');

  it.each(['offers', 'requests'] as Kind[])('%s: list, read, create, update and withdraw answer as the matrix says', async (kind) => {
    for (const role of ROLES) {
      const h = headersOf(role);
      const list = await requestJson('GET', `${world.url}/${kind}?limit=100`, undefined, h);
      cells.push({ role, route: `GET /${kind}`, target: '-', want: expected(role, kind, 'list', 'own'), got: list.status });
      if (list.status === 200 && role !== 'admin') {
        // Lists show only what the role may see.
        const owners = list.body.items.map((i: any) => (kind === 'offers' ? i.provider.id : i.school.id));
        const allowed = role === 'broker' ? [world.orgs.schoolA, world.orgs.providerA] : [world.orgs.schoolA, world.orgs.providerA];
        const foreign = owners.filter((o: string) => o.endsWith(world.tag) && !allowed.includes(o));
        cells.push({ role, route: `GET /${kind} shows no foreign items`, target: '-', want: 0, got: foreign.length });
        if (role === 'broker') {
          const outside = list.body.items.filter(
            (i: any) => !(kind === 'offers' ? i.location.postcode : i.school.postcode).startsWith('8'),
          );
          cells.push({ role, route: `GET /${kind} inside regions only`, target: '-', want: 0, got: outside.length });
        }
      }
      for (const target of ['own', 'other'] as Target[]) {
        const owner = ownerOf(target);
        const id = await world.create(kind, owner);
        const get = await requestJson('GET', `${world.url}/${kind}/${id}`, undefined, h);
        cells.push({ role, route: `GET /${kind}/:id`, target, want: expected(role, kind, 'get', target), got: get.status });

        const body = kind === 'offers' ? world.offerBody(owner) : world.requestBody(owner);
        const created = await requestJson('POST', `${world.url}/${kind}`, body, h);
        cells.push({ role, route: `POST /${kind}`, target, want: expected(role, kind, 'create', target), got: created.status });

        const { id: _drop, ...replacement } =
          kind === 'offers'
            ? world.offerBody(owner, { title: `Bijgewerkt ${role}` })
            : world.requestBody(owner, { title: `Bijgewerkt ${role}` });
        const put = await requestJson('PUT', `${world.url}/${kind}/${id}`, replacement, h);
        cells.push({ role, route: `PUT /${kind}/:id`, target, want: expected(role, kind, 'update', target), got: put.status });

        const withdraw = await requestJson('POST', `${world.url}/${kind}/${id}/withdraw`, { reason: 'matrix' }, h);
        cells.push({
          role,
          route: `POST /${kind}/:id/withdraw`,
          target,
          want: expected(role, kind, 'withdraw', target),
          got: withdraw.status,
        });
      }
    }
    const wrong = cells.filter((c) => c.want !== c.got);
    expect(wrong).toEqual([]);
  });

  /** The organisation each role's token acts for (the admin and the token-less roles: a school). */
  const ownOrganisations = (): Record<Role, string> => ({
    admin: world.orgs.schoolA,
    requester: world.orgs.schoolA,
    provider: world.orgs.providerA,
    broker: world.orgs.broker,
    anonymous: world.orgs.schoolA,
    forged: world.orgs.schoolA,
  });

  it('organisations: admins manage, an organisation reads itself only', async () => {
    const want: Record<Role, { create: number; list: number; own: number; other: number }> = {
      admin: { create: 201, list: 200, own: 200, other: 200 },
      requester: { create: 403, list: 403, own: 200, other: 404 },
      provider: { create: 403, list: 403, own: 200, other: 404 },
      broker: { create: 403, list: 403, own: 200, other: 404 },
      anonymous: { create: 401, list: 401, own: 401, other: 401 },
      forged: { create: 401, list: 401, own: 401, other: 401 },
    };
    const ownOrg = ownOrganisations();
    const orgCells: typeof cells = [];
    for (const role of ROLES) {
      const h = headersOf(role);
      const created = await requestJson(
        'POST',
        `${world.url}/organisations`,
        { type: 'library', name: 'Bib', contacts: [{ name: 'X', email: `x-${role}-${world.tag}@example.org` }] },
        h,
      );
      orgCells.push({ role, route: 'POST /organisations', target: '-', want: want[role].create, got: created.status });
      orgCells.push({
        role,
        route: 'GET /organisations',
        target: '-',
        want: want[role].list,
        got: (await requestJson('GET', `${world.url}/organisations`, undefined, h)).status,
      });
      orgCells.push({
        role,
        route: 'GET /organisations/:id',
        target: 'own',
        want: want[role].own,
        got: (await requestJson('GET', `${world.url}/organisations/${ownOrg[role]}`, undefined, h)).status,
      });
      orgCells.push({
        role,
        route: 'GET /organisations/:id',
        target: 'other',
        want: want[role].other,
        got: (await requestJson('GET', `${world.url}/organisations/${world.orgs.providerB}`, undefined, h)).status,
      });
      orgCells.push({
        role,
        route: 'PUT /organisations/:id',
        target: 'own',
        want: role === 'admin' ? 200 : want[role].create,
        got: (
          await requestJson(
            'PUT',
            `${world.url}/organisations/${world.orgs.schoolB}`,
            {
              type: 'school',
              name: 'School B',
              contacts: [{ name: 'B', email: `${world.orgs.schoolB}@example.org` }],
              place: { postcode: '2000', country: 'BE' },
            },
            h,
          )
        ).status,
      });
    }
    expect(orgCells.filter((c) => c.want !== c.got)).toEqual([]);
    cells.push(...orgCells);
  });

  it("mail preference: a provider chooses its own, an admin any provider's, nobody else", async () => {
    const want: Record<Role, { providerA: number; providerB: number; own: number }> = {
      admin: { providerA: 200, providerB: 200, own: 400 },
      requester: { providerA: 404, providerB: 404, own: 403 },
      provider: { providerA: 200, providerB: 404, own: 200 },
      broker: { providerA: 404, providerB: 404, own: 403 },
      anonymous: { providerA: 401, providerB: 401, own: 401 },
      forged: { providerA: 401, providerB: 401, own: 401 },
    };
    // "own": the organisation the token acts for (the provider's is providerA itself; the admin's a school).
    const ownOrg = ownOrganisations();
    const body = { mailPreference: 'each' };
    const prefCells: typeof cells = [];
    for (const role of ROLES) {
      const h = headersOf(role);
      const put = async (org: string) => (await requestJson('PUT', `${world.url}/organisations/${org}/mail-preference`, body, h)).status;
      prefCells.push({
        role,
        route: 'PUT /organisations/:id/mail-preference',
        target: 'providerA',
        want: want[role].providerA,
        got: await put(world.orgs.providerA),
      });
      prefCells.push({
        role,
        route: 'PUT /organisations/:id/mail-preference',
        target: 'providerB',
        want: want[role].providerB,
        got: await put(world.orgs.providerB),
      });
      prefCells.push({
        role,
        route: 'PUT /organisations/:id/mail-preference',
        target: 'own',
        want: want[role].own,
        got: await put(ownOrg[role]),
      });
    }
    expect(prefCells.filter((c) => c.want !== c.got)).toEqual([]);
    cells.push(...prefCells);
  });

  afterAll(() => {
    process.stderr.write(`authorisation matrix: ${cells.length} cells checked\n`);
  });
});
