/** One example per operation, shown in /openapi.json and on /docs. Realistic Flemish and Dutch data. */
const lifecycle = { status: 'active', revision: 1, createdAt: '2025-09-01T08:00:00.000Z', updatedAt: '2025-09-01T08:00:00.000Z' };

const offerInput = {
  title: 'Ridders en ambachtslui: rondleiding 1302',
  description: 'Interactieve rondleiding over de Guldensporenslag voor de derde graad.',
  language: 'nl',
  disciplines: ['heritage'],
  format: 'visit',
  grades: ['5de leerjaar', '6de leerjaar'],
  location: { postcode: '8500', country: 'BE' },
  reach: { mode: 'on_site', maxTravelKm: 0 },
  groupSize: { min: 10, max: 28 },
  pricePerPupil: 4,
  inclusion: { freeOrSocialTariff: true, wheelchairAccess: true, newcomerClasses: true },
  availability: [{ from: '2025-09-01', to: '2026-06-30' }],
};
const offerView = {
  id: 'off-3f1c2a9e',
  provider: { id: 'org-sporenhuis', name: 'Sporenhuis Kortrijk', email: 'educatie@example.org', language: 'nl' },
  ...offerInput,
  audience: { ageMin: 10, ageMax: 12 },
  location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.82803, lon: 3.26487 },
  ...lifecycle,
};
const requestInput = {
  title: 'Iets rond de Eerste Wereldoorlog voor het vijfde leerjaar',
  description: 'We zoeken een bezoek of workshop over WO I, liefst met veel doe-activiteiten.',
  language: 'nl',
  disciplines: ['heritage'],
  grades: ['5de leerjaar'],
  pupils: { count: 46 },
  maxTravelKm: 25,
  budgetPerPupil: 6,
  inclusion: { newcomerClasses: true },
  preferredPeriod: { from: '2025-10-01', to: '2025-12-19' },
};
const requestView = {
  id: 'req-8d2b11c4',
  school: {
    id: 'org-regenboog',
    name: 'Basisschool De Regenboog',
    email: 'directie@example.org',
    municipality: 'Harelbeke',
    postcode: '8530',
    country: 'BE',
    lat: 50.85343,
    lon: 3.30974,
    language: 'nl',
    type: 'school',
  },
  ...requestInput,
  pupils: { ageMin: 10, ageMax: 11, count: 46 },
  ...lifecycle,
};
const organisationInput = {
  type: 'school',
  name: 'Basisschool De Regenboog',
  contacts: [{ name: 'An Peeters', email: 'directie@example.org', language: 'nl' }],
  place: { postcode: '8530', country: 'BE' },
};
const organisationView = {
  id: 'org-regenboog',
  role: 'requester',
  ...organisationInput,
  place: { municipality: 'Harelbeke', postcode: '8530', country: 'BE', lat: 50.85343, lon: 3.30974 },
  ...lifecycle,
};

export const EXAMPLES = {
  offers: { input: offerInput, view: offerView },
  requests: { input: requestInput, view: requestView },
  organisations: { input: organisationInput, view: organisationView },
};
