import { signToken } from '@koppel/auth';
import type { Offer, Request } from '@koppel/contracts';
import { bearer, demoOffers, demoRequests, requestJson, type TestStack } from '@koppel/testkit';

/**
 * Organisations and tokens for the intake tests: two schools, two providers, a
 * broker for West Flanders (8000-8999) and an admin. "A" organisations are in
 * Kortrijk (inside the broker's region), "B" organisations in Antwerp (outside).
 */
export interface IntakeWorld {
  url: string;
  tag: string;
  orgs: { schoolA: string; schoolB: string; providerA: string; providerB: string; broker: string };
  tokens: { admin: string; requester: string; provider: string; broker: string };
  headers: (token: string) => Record<string, string>;
  requestBody: (owner: 'A' | 'B', extra?: Partial<Request>) => Request;
  offerBody: (owner: 'A' | 'B', extra?: Partial<Offer>) => Offer;
  create: (kind: 'offers' | 'requests', owner: 'A' | 'B') => Promise<string>;
}

const PLACE = {
  A: { municipality: 'Kortrijk', postcode: '8500', country: 'BE' as const, lat: 50.828, lon: 3.265 },
  B: { municipality: 'Antwerpen', postcode: '2000', country: 'BE' as const, lat: 51.22, lon: 4.4 },
};

/**
 * Ages no real listing has: the listings these tests create must never compete
 * with the pairs other test files wait a proposal for (the matcher keeps a top N).
 */
export const UNMATCHABLE_AGES = { offer: { ageMin: 110, ageMax: 110 }, request: { ageMin: 100, ageMax: 100 } };

export async function intakeWorld(stack: TestStack, tag: string): Promise<IntakeWorld> {
  const url = stack.services.intake.url;
  const admin = stack.adminToken;
  const orgs = {
    schoolA: `sch-a-${tag}`,
    schoolB: `sch-b-${tag}`,
    providerA: `prov-a-${tag}`,
    providerB: `prov-b-${tag}`,
    broker: `brk-${tag}`,
  };
  const regions = [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999, name: 'West-Vlaanderen' }];
  const create = async (id: string, type: string, place: 'A' | 'B' | undefined, extra: Record<string, unknown> = {}) => {
    const res = await requestJson(
      'POST',
      `${url}/organisations`,
      {
        id,
        type,
        name: `${type} ${id}`,
        contacts: [{ name: `Contact ${id}`, email: `${id}@example.org`, language: 'nl' }],
        ...(place ? { place: { postcode: PLACE[place].postcode, country: 'BE' } } : {}),
        ...extra,
      },
      bearer(admin),
    );
    if (res.status !== 201) throw new Error(`creating organisation ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await create(orgs.schoolA, 'school', 'A');
  await create(orgs.schoolB, 'school', 'B');
  await create(orgs.providerA, 'museum', 'A');
  await create(orgs.providerB, 'theatre', 'B');
  await create(orgs.broker, 'broker', undefined, { regions });

  const sign = (role: 'requester' | 'provider' | 'broker', org: string) =>
    signToken(stack.authSecret, {
      sub: `${org}@example.org`,
      role,
      org,
      regions: role === 'broker' ? regions : undefined,
      ttlSeconds: 3600,
    }).token;
  const tokens = {
    admin,
    requester: sign('requester', orgs.schoolA),
    provider: sign('provider', orgs.providerA),
    broker: sign('broker', orgs.broker),
  };

  const templateRequest = demoRequests().find((r) => r.id === 'req-0001')!;
  const templateOffer = demoOffers().find((o) => o.id === 'off-0035')!;
  let counter = 0;
  const requestBody = (owner: 'A' | 'B', extra: Partial<Request> = {}): Request => ({
    ...structuredClone(templateRequest),
    id: `req-${tag}-${owner}-${++counter}`,
    // The organisation's own contact: an owner may not name another address (issue #11).
    school: {
      id: owner === 'A' ? orgs.schoolA : orgs.schoolB,
      name: `School ${owner}`,
      email: `${owner === 'A' ? orgs.schoolA : orgs.schoolB}@example.org`,
      ...PLACE[owner],
    },
    pupils: { ...UNMATCHABLE_AGES.request, count: 20 },
    ...extra,
  });
  const offerBody = (owner: 'A' | 'B', extra: Partial<Offer> = {}): Offer => ({
    ...structuredClone(templateOffer),
    id: `off-${tag}-${owner}-${++counter}`,
    provider: {
      id: owner === 'A' ? orgs.providerA : orgs.providerB,
      name: `Provider ${owner}`,
      email: `${owner === 'A' ? orgs.providerA : orgs.providerB}@example.org`,
    },
    location: PLACE[owner],
    audience: UNMATCHABLE_AGES.offer,
    ...extra,
  });
  return {
    url,
    tag,
    orgs,
    tokens,
    headers: bearer,
    requestBody,
    offerBody,
    create: async (kind, owner) => {
      const body = kind === 'offers' ? offerBody(owner) : requestBody(owner);
      const res = await requestJson('POST', `${url}/${kind}`, body, bearer(admin));
      if (res.status !== 201) throw new Error(`creating ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
      return body.id;
    },
  };
}
