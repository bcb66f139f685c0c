import { signToken } from '@koppel/auth';
import type { Offer, Request } from '@koppel/contracts';
import { seededRandom, syntheticOffer, syntheticRequest } from '@koppel/matching';

/**
 * What a load run sends, built the way real clients would: schools and providers
 * are organisations with their own tokens, requests and offers are posted with the
 * organisation's token (intake fills in the school or provider and its place), with
 * an Idempotency-Key, in Dutch, French and English, with places across Flanders,
 * Brussels, Wallonia and the Netherlands (packages/matching's synthetic catalogue).
 * Deterministic for a seed; ids carry the run's tag so runs never collide.
 */
export interface LoadOrganisation {
  id: string;
  body: Record<string, unknown>;
  token: string;
}

export interface LoadPost {
  kind: 'request' | 'offer' | 'organisation';
  /** A label for progress and errors; the stored id is the one intake answers with. */
  id: string;
  /** Intake's route: '/requests', '/offers' or '/organisations'. */
  path: string;
  token: string;
  body: Record<string, unknown>;
}

export interface Workload {
  schools: LoadOrganisation[];
  providers: LoadOrganisation[];
  /** Offers posted before the clock starts, so that requests have something to match. */
  seedOffers: LoadPost[];
  /** The i-th post of the timed stream: mostly requests, every `offerEvery`-th an offer. */
  post(i: number): LoadPost;
}

export interface WorkloadOptions {
  tag: string;
  authSecret: string;
  seed?: number;
  schools?: number;
  providers?: number;
  seedOffers?: number;
  /** One offer in this many posts of the timed stream (0: requests only). */
  offerEvery?: number;
}

const TOKEN_TTL_SECONDS = 24 * 3600;

function requesterBody(tag: string, i: number, request: Request): Record<string, unknown> {
  const { municipality, postcode, country, lat, lon } = request.school;
  return {
    id: `load-${tag}-sch-${i}`,
    type: 'school',
    name: `Basisschool ${municipality} ${i}`,
    contacts: [{ name: `Secretariaat ${i}`, email: `school-${i}-${tag}@example.org`, language: request.language }],
    place: { municipality, postcode, country, lat, lon },
  };
}

function providerBody(tag: string, i: number, offer: Offer): Record<string, unknown> {
  return {
    id: `load-${tag}-prov-${i}`,
    type: 'other_provider',
    name: `Cultuuraanbieder ${i}`,
    contacts: [{ name: `Educatie ${i}`, email: `provider-${i}-${tag}@example.org`, language: offer.language }],
  };
}

/** An offer as its provider posts it: no id (intake derives it from the Idempotency-Key), no provider block (the token says who). */
function offerBody(offer: Offer): Record<string, unknown> {
  const { id: _id, provider: _provider, ...rest } = offer;
  return rest;
}

/** A request as its school posts it: no id, no school block (the organisation's place is used). */
function requestBody(request: Request): Record<string, unknown> {
  const { id: _id, school: _school, ...rest } = request;
  return rest;
}

export function buildWorkload(options: WorkloadOptions): Workload {
  const { tag, authSecret } = options;
  const rnd = seededRandom(options.seed ?? 20261201);
  const schoolCount = options.schools ?? 200;
  const providerCount = options.providers ?? 40;
  const offerEvery = options.offerEvery ?? 10;
  const token = (org: string, role: 'requester' | 'provider') =>
    signToken(authSecret, { sub: `${org}@load.example`, role, org, ttlSeconds: TOKEN_TTL_SECONDS }).token;

  const schools = Array.from({ length: schoolCount }, (_, i) => {
    const body = requesterBody(tag, i, syntheticRequest(i, rnd));
    return { id: String(body.id), body, token: token(String(body.id), 'requester') };
  });
  const providers = Array.from({ length: providerCount }, (_, i) => {
    const body = providerBody(tag, i, syntheticOffer(i, rnd));
    return { id: String(body.id), body, token: token(String(body.id), 'provider') };
  });
  const offerPost = (n: number): LoadPost => {
    const id = `load-${tag}-off-${n}`;
    return { kind: 'offer', id, path: '/offers', token: providers[n % providers.length].token, body: offerBody(syntheticOffer(n, rnd)) };
  };
  const seedOffers = Array.from({ length: options.seedOffers ?? 300 }, (_, n) => offerPost(n));
  let streamOffers = seedOffers.length;
  return {
    schools,
    providers,
    seedOffers,
    post: (i) => {
      if (offerEvery > 0 && i % offerEvery === offerEvery - 1) return offerPost(streamOffers++);
      const id = `load-${tag}-req-${i}`;
      return {
        kind: 'request',
        id,
        path: '/requests',
        token: schools[i % schools.length].token,
        body: requestBody(syntheticRequest(i, rnd)),
      };
    },
  };
}
