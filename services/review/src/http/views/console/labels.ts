import { DISCIPLINE_LABELS, labelOf } from '@koppel/contracts';
import { isRegionName } from '../../../app/regions/province-of-postcode';
import type { ReviewCopy } from '../copy';
import type { PageView } from '../page-view';

/** A score as a whole percentage. */
export function pct(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The label of a status; a value from newer data shows as it is. */
export function statusLabel(copy: ReviewCopy, status: string): string {
  return (copy.statuses as Record<string, string>)[status] ?? status;
}

/** A region's name in the reader's language; a stored name that is no known region shows as it is. */
export function regionLabel(copy: ReviewCopy, region: string): string {
  return isRegionName(region) ? copy.regions[region] : region;
}

export function actionLabel(copy: ReviewCopy, action: string): string {
  return (copy.actions as Record<string, string>)[action] ?? action;
}

/** Who did something: a side's name in the reader's language, anyone else (a broker's address, the matcher) as recorded. */
export function actorLabel(copy: ReviewCopy, by: string): string {
  return by === 'school' || by === 'provider' ? copy.sides[by] : by;
}

export function disciplineLabel(view: PageView, code: string): string {
  return labelOf(DISCIPLINE_LABELS, code, view.lang);
}
