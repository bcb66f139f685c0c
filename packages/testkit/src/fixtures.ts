import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OfferSchema, RequestSchema, type Offer, type Request } from '@koppel/contracts';

/**
 * Offers and requests copied from the hand-judged development set into the
 * repository (scripts/demo-data), so tests run on a clone without shared/.
 */
export const DEMO_DATA_DIR = resolve(__dirname, '../../../scripts/demo-data');

function readJsonl<T>(file: string, parse: (v: unknown) => T): T[] {
  return readFileSync(resolve(DEMO_DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => parse(JSON.parse(l)));
}

export function demoOffers(): Offer[] {
  return readJsonl('offers.jsonl', (v) => OfferSchema.parse(v));
}

export function demoRequests(): Request[] {
  return readJsonl('requests.jsonl', (v) => RequestSchema.parse(v));
}

/** A copy with fresh ids and addresses, so tests never collide with each other or with earlier runs. */
export function uniqueCopy<T extends Offer | Request>(entity: T, tag: string): T {
  const copy = structuredClone(entity);
  copy.id = `${entity.id}-${tag}`;
  if ('provider' in copy) {
    copy.provider = { ...copy.provider, id: `${copy.provider.id}-${tag}`, email: `provider-${tag}@example.org` };
  } else {
    copy.school = { ...copy.school, id: `${copy.school.id}-${tag}`, email: `school-${tag}@example.org` };
  }
  return copy;
}
