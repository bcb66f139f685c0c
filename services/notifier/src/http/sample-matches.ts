import type { Language } from '@koppel/contracts';
import type { AddressedMatch } from '../store/mail-source';

/** A made-up but realistic match for the template previews; the language of both sides is the preview's. */
export function sampleMatch(lang: Language): AddressedMatch {
  return {
    matchId: 'voorbeeld-req::voorbeeld-off',
    requestId: 'voorbeeld-req',
    offerId: 'voorbeeld-off',
    score: 0.82,
    summary:
      'Past bij Eerste Wereldoorlog; gedeelde woorden: bezetting, regio. Op 12,4 km, de klas gaat erheen, leeftijd 10–11 jaar (100% van de klas).',
    explanation: {
      distanceKm: 12.4,
      reachedBy: 'on_site',
      ageOverlap: { from: 10, to: 11, coverage: 1 },
      matchedTerms: ['bezetting', 'regio', 'oorlog'],
      matchedThemes: [],
      overBudget: false,
      requestLanguage: 'nl',
      offerLanguage: 'nl',
      wantedLanguage: 'nl',
      requestDisciplines: ['heritage'],
    },
    request: {
      title: 'Iets rond de Groote Oorlog voor ons vijfde leerjaar',
      municipality: 'Harelbeke',
      postcode: '8530',
      ageMin: 10,
      ageMax: 11,
      pupils: 46,
      disciplines: ['heritage'],
    },
    offer: { title: 'Op stap door bezet Kortrijk', municipality: 'Kortrijk', format: 'visit', pricePerPupil: 5, disciplines: ['heritage'] },
    school: { id: 'sch-voorbeeld', name: 'Vrije Basisschool De Klimop', email: 'secretariaat@klimop.example', language: lang },
    provider: { id: 'prov-voorbeeld', name: 'Erfgoedhuis Kortrijk', email: 'educatie@erfgoedhuis.example', language: lang },
  };
}

/** Two matches for one provider, for the digest preview: the sample and a second school. */
export function sampleMatches(lang: Language): AddressedMatch[] {
  const first = sampleMatch(lang);
  const second: AddressedMatch = {
    ...first,
    matchId: 'voorbeeld-req-2::voorbeeld-off',
    requestId: 'voorbeeld-req-2',
    score: 0.74,
    request: {
      ...first.request,
      title: 'Erfgoedwandeling voor het zesde leerjaar',
      municipality: 'Kuurne',
      postcode: '8520',
      ageMin: 11,
      ageMax: 12,
      pupils: 24,
    },
    school: { id: 'sch-voorbeeld-2', name: 'Gemeentelijke Basisschool Kuurne', email: 'directie@gbs-kuurne.example', language: lang },
    explanation: { ...first.explanation, distanceKm: 6.1, ageOverlap: { from: 11, to: 12, coverage: 1 } },
  };
  return [first, second];
}
