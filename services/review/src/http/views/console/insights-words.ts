import type { AgeBandId } from '../../../app/insights/age-bands';
import type { Decline, UnmatchedReason } from '../../../app/insights/figures';
import { formatters, type PageView } from '../page-view';
import { pct } from './labels';

/** An age band as a reader sees it: "9–11 jaar", "18+ years". */
export function ageBandLabel(view: PageView, band: AgeBandId | string): string {
  return view.copy.insights.ageBand(band.replace('-', '–'));
}

/** Why a near miss was kept out, in the reader's words: "ages 15–18, pupils 8–9", "€12.00 per pupil, budget €8.00". */
export function reasonText(view: PageView, reason: UnmatchedReason): string {
  const words = view.copy.insights.reasons;
  const format = formatters(view.copy);
  switch (reason.constraint) {
    case 'ages':
      return words.ages(reason.offerAges, reason.pupilAges);
    case 'distance':
      return words.distance(
        format.oneDecimal(reason.distanceKm),
        format.oneDecimal(reason.schoolTravelKm),
        format.oneDecimal(reason.providerTravelKm),
      );
    case 'price':
      return words.price(format.euro(reason.pricePerPupil), format.euro(reason.budgetPerPupil));
    case 'score':
      return words.score(pct(reason.score), pct(reason.minScore));
  }
}

/** The offer a reason concerns: its title where known, with its id. */
export function offerName(reason: Pick<UnmatchedReason, 'offerId' | 'offerTitle'>): string {
  return reason.offerTitle ? `${reason.offerTitle} (${reason.offerId})` : reason.offerId;
}

/** The reasons of one request, one line per offer: "Circus (off-1): ages 15–18, pupils 8–9; relevance 40%, threshold 50%". */
export function reasonLines(view: PageView, reasons: UnmatchedReason[]): string[] {
  const byOffer = new Map<string, UnmatchedReason[]>();
  for (const reason of reasons) byOffer.set(reason.offerId, [...(byOffer.get(reason.offerId) ?? []), reason]);
  return [...byOffer.values()].map((of) => `${offerName(of[0])}: ${of.map((r) => reasonText(view, r)).join('; ')}`);
}

/** A share (0..1) as a whole percentage in the reader's locale. */
export function shareText(view: PageView, share: number): string {
  return new Intl.NumberFormat(view.copy.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A time in the reader's locale, its two largest units: "2 dagen 3 uur", "12 minutes", "40 s"; `noTime` for none. */
export function durationText(view: PageView, seconds: number | null): string {
  if (seconds === null) return view.copy.insights.noTime;
  const unit = (n: number, u: 'day' | 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(view.copy.locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [Math.round(seconds % 60), 'second'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return unit(0, 'second');
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => unit(n, u))
    .join(' ');
}

/** Who said not interested and why: "school: too far; provider: no reason given". */
export function declineText(view: PageView, answers: Decline['answers']): string {
  const c = view.copy;
  return answers.map((a) => `${c.sides[a.side]}: ${a.reason ?? c.insights.noReason}`).join('; ');
}
