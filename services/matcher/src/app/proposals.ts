import { createHash } from 'node:crypto';
import { addressHashOf } from '@koppel/auth';
import { createEnvelope, type Envelope, type MatchSnapshot, type Offer, type PayloadOf, type Request } from '@koppel/contracts';
import { describeExplanation, type ScoredMatch } from '@koppel/matching';

/** A match is one request paired with one offer; its id is stable across re-runs. */
export function matchIdOf(requestId: string, offerId: string): string {
  return `m-${requestId}--${offerId}`;
}

/**
 * The event id is derived from the match and the source event, so a redelivered
 * source event produces the very same proposal event and downstream dedupes it.
 */
function proposalEventId(matchId: string, sourceEventId: string): string {
  return createHash('sha256').update(`${matchId}|${sourceEventId}`).digest('hex').slice(0, 32);
}

export function snapshotOf(match: ScoredMatch, request: Request, offer: Offer): MatchSnapshot {
  return {
    matchId: matchIdOf(request.id, offer.id),
    requestId: request.id,
    offerId: offer.id,
    score: match.score,
    explanation: match.explanation as unknown as Record<string, unknown>,
    summary: describeExplanation(match.explanation, 'nl'),
    request: {
      title: request.title,
      municipality: request.school.municipality,
      postcode: request.school.postcode,
      country: request.school.country,
      ageMin: request.pupils.ageMin,
      ageMax: request.pupils.ageMax,
      pupils: request.pupils.count,
      disciplines: request.disciplines,
    },
    offer: {
      title: offer.title,
      municipality: offer.location.municipality,
      format: offer.format,
      pricePerPupil: offer.pricePerPupil,
      disciplines: offer.disciplines,
    },
    school: partyOf(request.school, request.language),
    provider: partyOf(offer.provider, offer.language),
    ...(request.askedForOfferId === offer.id ? { askedFor: true as const } : {}),
  };
}

/**
 * A side of the match as the notifier needs it. A registered organisation's address stays
 * out of the event (issue #11): the notifier mails the contact its hash names, from the
 * organisation's own contacts. A party an admin typed in has no organisation to look in.
 */
function partyOf(party: Request['school'] | Offer['provider'], textLanguage: MatchSnapshot['school']['language']): MatchSnapshot['school'] {
  // Mails go out in the contact's language; the listing's text language only when the contact has none.
  const common = { id: party.id, name: party.name, language: party.language ?? textLanguage };
  return party.registered ? { ...common, contact: addressHashOf(party.email) } : { ...common, email: party.email };
}

export function proposalEvent(snapshot: MatchSnapshot, sourceEventId: string): Envelope<PayloadOf<'match.proposed'>> {
  return createEnvelope({
    id: proposalEventId(snapshot.matchId, sourceEventId),
    type: 'match.proposed',
    key: snapshot.requestId,
    payload: { match: snapshot },
  });
}
