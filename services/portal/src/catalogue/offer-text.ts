import { DISCIPLINE_LABELS, FORMAT_LABELS, type Inclusion, type Language, labelOf } from '@koppel/contracts';
import type { PortalCopy } from '../copy';
import { gradeLabelOf } from '../http/views/choices';
import type { CatalogueHit, PublicOffer } from './schemas';

/**
 * What the catalogue pages say about an offer, in the page's language: a result card
 * and the offer page's facts, as plain data (label, text) that the browser script puts
 * into elements with textContent. Pure, so it is unit-tested without a DOM.
 */
export type Fact = [label: string, text: string];

export const offerHref = (id: string) => `/aanbod/${encodeURIComponent(id)}`;
/** "Vraag dit aanbod aan": the school page, which fills its request form in from the offer. */
export const askHref = (id: string) => `/school?offer=${encodeURIComponent(id)}`;

const INCLUSION_ORDER = ['freeOrSocialTariff', 'newcomerClasses', 'specialNeeds', 'wheelchairAccess', 'languageSupport'] as const;

/** The inclusion attributes an offer has, as short labels (badges on a card, a list on the offer page). */
export function inclusionLabels(inclusion: Inclusion | undefined, copy: PortalCopy): string[] {
  return INCLUSION_ORDER.filter((key) => inclusion?.[key] === true).map((key) => copy.client.catalogue.inclusion[key]);
}

/** € amounts as the page's locale writes them: "€ 3,50", whole euros without cents ("€ 4"). */
export function euros(amount: number, copy: PortalCopy): string {
  const whole = Number.isInteger(amount);
  return new Intl.NumberFormat(copy.locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amount);
}

export function priceText(pricePerPupil: number, copy: PortalCopy): string {
  return pricePerPupil === 0 ? copy.client.catalogue.free : euros(pricePerPupil, copy);
}

const kmText = (km: number, copy: PortalCopy) => new Intl.NumberFormat(copy.locale, { maximumFractionDigits: 1 }).format(km);

const disciplinesText = (codes: readonly string[], lang: Language) => codes.map((d) => labelOf(DISCIPLINE_LABELS, d, lang)).join(', ');

export interface OfferCardView {
  id: string;
  /** The offer page. */
  href: string;
  title: string;
  facts: Fact[];
  /** Inclusion attributes, each in words (never colour alone). */
  badges: string[];
  excerpt: string;
}

/** A result card: title (linking to the offer page), provider, place and distance when known, ages, disciplines, format, price. */
export function cardOf(hit: CatalogueHit, copy: PortalCopy, lang: Language): OfferCardView {
  const { offer } = hit;
  const t = copy.client.catalogue;
  const place = `${offer.location.municipality} (${offer.location.postcode})`;
  return {
    id: offer.id,
    href: offerHref(offer.id),
    title: offer.title,
    facts: [
      [t.facts.provider, offer.provider.name],
      [t.facts.where, hit.distanceKm === undefined ? place : `${place}, ${t.distance(kmText(hit.distanceKm, copy))}`],
      [t.facts.ages, t.ages(offer.audience.ageMin, offer.audience.ageMax)],
      [t.facts.disciplines, disciplinesText(offer.disciplines, lang)],
      [t.facts.format, labelOf(FORMAT_LABELS, offer.format, lang)],
      [t.facts.price, priceText(offer.pricePerPupil, copy)],
    ],
    badges: inclusionLabels(offer.inclusion, copy),
    excerpt: offer.excerpt,
  };
}

/** A description's paragraphs (split at blank lines), each as its lines: the page keeps both. */
export function paragraphsOf(description: string): string[][] {
  return description
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

/** A calendar date (YYYY-MM-DD) in the page's locale, the same day wherever the browser is. */
export function dateText(isoDate: string, copy: PortalCopy): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(copy.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export interface OfferDetailsView {
  title: string;
  provider: string;
  paragraphs: string[][];
  facts: Fact[];
  askHref: string;
}

/** Everything the offer page shows a teacher, in the page's language. */
export function offerDetailsOf(offer: PublicOffer, copy: PortalCopy, lang: Language): OfferDetailsView {
  const t = copy.client.catalogue;
  const { location, reach } = offer;
  const country = (copy.choices.countries as Record<string, string>)[location.country] ?? location.country;
  const km = kmText(reach.maxTravelKm, copy);
  const reachText = {
    on_site: t.reach.on_site(location.municipality),
    at_school: t.reach.at_school(km, location.municipality),
    both: t.reach.both(km, location.municipality),
    online: t.reach.online,
  }[reach.mode];
  const inclusion = inclusionLabels(offer.inclusion, copy);
  const price =
    offer.inclusion?.freeOrSocialTariff && offer.pricePerPupil > 0
      ? `${priceText(offer.pricePerPupil, copy)} (${t.socialTariff})`
      : priceText(offer.pricePerPupil, copy);
  const facts: Fact[] = [
    [t.facts.provider, offer.provider.name],
    [t.facts.ages, t.ages(offer.audience.ageMin, offer.audience.ageMax)],
    ...(offer.grades?.length ? [[t.facts.grades, offer.grades.map((g) => gradeLabelOf(g, copy)).join(', ')] as Fact] : []),
    [t.facts.disciplines, disciplinesText(offer.disciplines, lang)],
    [t.facts.format, labelOf(FORMAT_LABELS, offer.format, lang)],
    [t.facts.where, `${location.municipality} (${location.postcode}), ${country}`],
    [t.facts.reach, reachText],
    [t.facts.groupSize, t.groupSize(offer.groupSize.min, offer.groupSize.max)],
    [t.facts.price, price],
    [t.facts.language, copy.choices.languages[offer.language]],
    ...(inclusion.length ? [[t.facts.inclusion, inclusion.join(', ')] as Fact] : []),
    [
      t.facts.when,
      offer.availability?.length
        ? offer.availability.map((p) => t.period(dateText(p.from, copy), dateText(p.to, copy))).join('; ')
        : t.allYear,
    ],
  ];
  return {
    title: offer.title,
    provider: offer.provider.name,
    paragraphs: paragraphsOf(offer.description),
    facts,
    askHref: askHref(offer.id),
  };
}

/** Intake's longest request title. */
const MAX_TITLE = 300;

export interface RequestPrefill {
  title: string;
  description: string;
  disciplines: string[];
  /** The offer's grades as written; the form checks those it has. */
  grades: string[];
  language: Language;
  /** The offer's ages: the request's when the school picks no grade. */
  ages: { ageMin: number; ageMax: number };
  notice: string;
}

/** The school's request form filled in from an offer ("Vraag dit aanbod aan"). */
export function requestPrefillOf(offer: PublicOffer, copy: PortalCopy): RequestPrefill {
  const t = copy.client.askOffer;
  return {
    title: t.requestTitle(offer.title).slice(0, MAX_TITLE),
    description: t.requestDescription(offer.title, offer.provider.name),
    disciplines: [...offer.disciplines],
    grades: [...(offer.grades ?? [])],
    language: offer.language,
    ages: { ageMin: offer.audience.ageMin, ageMax: offer.audience.ageMax },
    notice: t.notice(offer.title, offer.provider.name),
  };
}
