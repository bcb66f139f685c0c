import { createHash } from 'node:crypto';
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
    // Mails go out in the contact's language; the listing's text language only when the contact has none.
    school: { id: request.school.id, name: request.school.name, email: request.school.email, language: request.school.language ?? request.language },
    provider: { id: offer.provider.id, name: offer.provider.name, email: offer.provider.email, language: offer.provider.language ?? offer.language },
  };
}

export function proposalEvent(snapshot: MatchSnapshot, sourceEventId: string): Envelope<PayloadOf<'match.proposed'>> {
  return createEnvelope({
    id: proposalEventId(snapshot.matchId, sourceEventId),
    type: 'match.proposed',
    key: snapshot.requestId,
    payload: { match: snapshot },
  });
}
