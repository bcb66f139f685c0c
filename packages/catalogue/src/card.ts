import type { Discipline, Format, Inclusion, Language, Offer } from '@koppel/contracts';

/**
 * What a result card shows of an offer. Public: the provider's email, the exact
 * coordinates and the provider's internal fields stay out.
 */
export interface OfferCard {
  id: string;
  title: string;
  provider: { id: string; name: string };
  /** The start of the description, cut at a word, with an ellipsis when cut. */
  excerpt: string;
  disciplines: Discipline[];
  format: Format;
  audience: { ageMin: number; ageMax: number };
  location: { municipality: string; postcode: string; country: Offer['location']['country'] };
  pricePerPupil: number;
  inclusion?: Inclusion;
  language: Language;
}

export const EXCERPT_CHARS = 200;

export function excerptOf(description: string, max = EXCERPT_CHARS): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function cardOf(offer: Offer): OfferCard {
  return {
    id: offer.id,
    title: offer.title,
    provider: { id: offer.provider.id, name: offer.provider.name },
    excerpt: excerptOf(offer.description),
    disciplines: offer.disciplines,
    format: offer.format,
    audience: { ageMin: offer.audience.ageMin, ageMax: offer.audience.ageMax },
    location: { municipality: offer.location.municipality, postcode: offer.location.postcode, country: offer.location.country },
    pricePerPupil: offer.pricePerPupil,
    ...(offer.inclusion ? { inclusion: offer.inclusion } : {}),
    language: offer.language,
  };
}
