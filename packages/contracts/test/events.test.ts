import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEnvelope, OfferSchema, parseEvent, TOPICS } from '../src';

const offer = OfferSchema.parse(
  JSON.parse(readFileSync(resolve(__dirname, '../../../scripts/demo-data/offers.jsonl'), 'utf8').split('\n')[0]),
);

describe('parseEvent', () => {
  it('accepts a valid event on its topic', () => {
    const event = createEnvelope({ type: 'offer.created', key: offer.id, payload: { offer } });
    const parsed = parseEvent(TOPICS.offers, event);
    expect(parsed.ok).toBe(true);
  });

  it('names the field path and reason of a bad payload', () => {
    const event = createEnvelope({
      type: 'offer.created',
      key: offer.id,
      payload: { offer: { ...offer, audience: { ageMin: 10, ageMax: 8 } } },
    });
    const parsed = parseEvent(TOPICS.offers, event);
    expect(parsed).toEqual({ ok: false, reason: 'payload.offer.audience.ageMax: ageMin must not exceed ageMax' });
  });

  it('refuses an event type that does not belong on the topic', () => {
    const event = createEnvelope({ type: 'offer.created', key: offer.id, payload: { offer } });
    const parsed = parseEvent(TOPICS.requests, event);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/does not belong on topic/);
  });

  it('refuses an unknown type', () => {
    const parsed = parseEvent(TOPICS.offers, {
      ...createEnvelope({ type: 'offer.created', key: 'k', payload: {} }),
      type: 'offer.exploded',
    });
    expect(parsed.ok).toBe(false);
  });
});
