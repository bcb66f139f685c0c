import { OfferInputSchema, RequestInputSchema } from '@koppel/contracts';
import { issueMessage, messagesByField, type IssueLike } from '../src/client/issue-messages';

/** The same schemas intake parses with; their issues must read as plain sentences per field. */
const offer = {
  title: 'Beeldhouwen met klei',
  description: 'Workshop',
  language: 'nl',
  disciplines: ['visual_arts'],
  format: 'workshop',
  grades: ['3de leerjaar'],
  location: { postcode: '8500', country: 'BE' },
  reach: { mode: 'on_site', maxTravelKm: 0 },
  groupSize: { min: 5, max: 25 },
  pricePerPupil: 0,
};

function messagesOf(
  schema: typeof OfferInputSchema | typeof RequestInputSchema,
  body: unknown,
  lang: 'nl' | 'fr' | 'en' = 'nl',
): Record<string, string> {
  const result = schema.safeParse(body);
  if (result.success) return {};
  return Object.fromEntries(messagesByField(result.error.issues as unknown as IssueLike[], lang));
}

describe('zod issues as Dutch (and French, English) sentences', () => {
  it('accepts a good offer (no messages)', () => {
    expect(messagesOf(OfferInputSchema, offer)).toEqual({});
  });

  it('names each bad field of an offer in Dutch', () => {
    const bad = {
      ...offer,
      title: ' ',
      disciplines: [],
      format: 'dansles',
      grades: [],
      location: { country: 'BE' },
      groupSize: { min: 30, max: 5 },
      pricePerPupil: undefined,
    };
    expect(messagesOf(OfferInputSchema, bad)).toEqual({
      title: 'Vul titel in.',
      disciplines: 'Kies minstens 1 bij disciplines.',
      format: 'Kies een van de mogelijkheden bij vorm.',
      'location.postcode': 'Vul een postcode of een gemeente in.',
      'groupSize.max': 'De grootste groep mag niet kleiner zijn dan de kleinste.',
      pricePerPupil: 'Vul prijs per leerling (€) in.',
    });
  });

  it('asks for grades when neither grades nor ages are given (the refinement on audience / pupils)', () => {
    expect(messagesOf(OfferInputSchema, { ...offer, grades: [] }).audience).toBe('Kies minstens één leerjaar (of geef de leeftijden).');
    const request = { title: 'Theater', description: '', language: 'nl', pupils: { count: 24 }, maxTravelKm: 15 };
    expect(messagesOf(RequestInputSchema, request).pupils).toBe('Kies minstens één leerjaar (of geef de leeftijden).');
  });

  it('says numbers out of range with their bound', () => {
    const request = { title: 'Theater', description: '', language: 'nl', grades: ['3de leerjaar'], pupils: { count: 0 }, maxTravelKm: -2 };
    expect(messagesOf(RequestInputSchema, request)).toEqual({
      'pupils.count': 'Aantal leerlingen moet minstens 1 zijn.',
      maxTravelKm: 'Hoe ver u wilt reizen (km) moet minstens 0 zijn.',
    });
    expect(messagesOf(OfferInputSchema, { ...offer, pricePerPupil: 20_000 }).pricePerPupil).toBe(
      'Prijs per leerling (€) mag hoogstens 10000 zijn.',
    );
    expect(messagesOf(OfferInputSchema, { ...offer, title: 'x'.repeat(301) }).title).toBe('Titel mag hoogstens 300 tekens lang zijn.');
  });

  it('tells a number from text and a bad email', () => {
    expect(messagesOf(OfferInputSchema, { ...offer, pricePerPupil: 'gratis' }).pricePerPupil).toBe(
      'Prijs per leerling (€) moet een getal zijn.',
    );
    expect(issueMessage({ code: 'invalid_format', format: 'email', path: ['email'] })).toBe(
      'Vul een geldig e-mailadres in, zoals naam@school.be.',
    );
    expect(messagesOf(OfferInputSchema, { ...offer, groupSize: { min: 2.5, max: 25 } })['groupSize.min']).toBe(
      'Kleinste groep moet een geheel getal zijn.',
    );
  });

  it('speaks French and English too', () => {
    const bad = { ...offer, title: '', groupSize: { min: 30, max: 5 } };
    expect(messagesOf(OfferInputSchema, bad, 'fr')).toEqual({
      title: 'Indiquez : titre.',
      'groupSize.max': 'Le groupe maximum ne peut pas être plus petit que le minimum.',
    });
    expect(messagesOf(OfferInputSchema, bad, 'en')).toEqual({
      title: 'Enter the title.',
      'groupSize.max': 'The largest group cannot be smaller than the smallest.',
    });
  });

  it('falls back to the field name for a path without a label, and names unknown fields', () => {
    expect(issueMessage({ code: 'something_new', path: ['availability', 0, 'from'] })).toBe('from: controleer dit veld.');
    expect(issueMessage({ code: 'unrecognized_keys', path: [], keys: ['colour'] })).toBe('Onbekend veld: colour.');
  });
});
