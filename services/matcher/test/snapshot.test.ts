import { addressHashOf } from '@koppel/auth';
import { MatchingEngine } from '@koppel/matching';
import { makeOffer, makeRequest } from '../../../packages/matching/test/fixtures';
import { snapshotOf } from '../src/app/proposals';

/** The match snapshot is what the mails are written from: each side in its contact's language. */
describe('snapshotOf', () => {
  const offer = makeOffer({ id: 'o1', language: 'nl' });
  const request = makeRequest({ id: 'r1', language: 'nl' });

  function scored() {
    const engine = new MatchingEngine();
    engine.upsertOffer(offer);
    const [best] = engine.matchRequest(request);
    if (!best) throw new Error('fixture pair should match');
    return best;
  }

  it("uses the contacts' languages, not the language the listings are written in", () => {
    const frenchProvider = { ...offer, provider: { ...offer.provider, language: 'fr' as const } };
    const englishSchool = { ...request, school: { ...request.school, language: 'en' as const } };
    const snapshot = snapshotOf(scored(), englishSchool, frenchProvider);
    expect(snapshot.provider.language).toBe('fr');
    expect(snapshot.school.language).toBe('en');
  });

  it('marks the offer a request was made from in the catalogue, and no other', () => {
    expect(snapshotOf(scored(), { ...request, askedForOfferId: 'o1' }, offer).askedFor).toBe(true);
    expect(snapshotOf(scored(), { ...request, askedForOfferId: 'o2' }, offer).askedFor).toBeUndefined();
    expect(snapshotOf(scored(), request, offer).askedFor).toBeUndefined();
  });

  it("falls back to the listing's language when a contact has none", () => {
    const noLanguage = {
      ...offer,
      provider: { id: offer.provider.id, name: offer.provider.name, email: offer.provider.email },
      language: 'fr' as const,
    };
    expect(snapshotOf(scored(), request, noLanguage).provider.language).toBe('fr');
  });

  it("names a registered organisation's contact by its hash, never the address; a typed-in party keeps its address (issue #11)", () => {
    const registered = { ...offer, provider: { ...offer.provider, registered: true as const } };
    const snapshot = snapshotOf(scored(), request, registered);
    expect(snapshot.provider.email).toBeUndefined();
    expect(snapshot.provider.contact).toBe(addressHashOf(offer.provider.email));
    expect(JSON.stringify(snapshot.provider)).not.toContain(offer.provider.email);
    expect(snapshot.school).toMatchObject({ email: request.school.email });
    expect(snapshot.school.contact).toBeUndefined();
  });
});
