import { DISCIPLINE_LABELS, labelOf } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import { isRegionName } from '../../../app/regions/province-of-postcode';
import { FLASH_TONE, type Flash } from '../../console/flash';
import { layout } from '../layout';
import { switcherOf, type PageView } from '../page-view';
import type { ConsoleCopy } from './copy';

/** Where a page is in the console's navigation. */
export type Section = 'queue' | 'mails' | 'policies';

/** A console page: the shared layout with the console's navigation (its section marked) and the language switcher. */
export function consolePage(view: PageView, title: string, current: Section, body: string): string {
  const { nav } = view.copy;
  return layout(
    {
      title,
      lang: view.lang,
      siteName: view.copy.siteName,
      nav: [
        { href: '/console', label: nav.queue, current: current === 'queue' },
        { href: '/console/mails', label: nav.mails, current: current === 'mails' },
        { href: '/console/policies', label: nav.policies, current: current === 'policies' },
        { href: '/console/sign-out', label: nav.signOut },
      ],
      languages: switcherOf(view),
    },
    body,
  );
}

/** A score as a whole percentage. */
export function pct(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The label of a status; a value from newer data shows as it is. */
export function statusLabel(copy: ConsoleCopy, status: string): string {
  return (copy.statuses as Record<string, string>)[status] ?? status;
}

/** A region's name in the reader's language; a stored name that is no known region shows as it is. */
export function regionLabel(copy: ConsoleCopy, region: string): string {
  return isRegionName(region) ? copy.regions[region] : region;
}

export function actionLabel(copy: ConsoleCopy, action: string): string {
  return (copy.actions as Record<string, string>)[action] ?? action;
}

/** Who did something: a side's name in the reader's language, anyone else (a broker's address, the matcher) as recorded. */
export function actorLabel(copy: ConsoleCopy, by: string): string {
  return by === 'school' || by === 'provider' ? copy.sides[by] : by;
}

export function disciplineLabel(view: PageView, code: string): string {
  return labelOf(DISCIPLINE_LABELS, code, view.lang);
}

export function flashHtml(copy: ConsoleCopy, flash: Flash | undefined): string {
  if (!flash) return '';
  const say = copy.flash[flash.key] as (f: Flash) => string;
  return `<p class="${FLASH_TONE[flash.key]}" role="status">${escapeHtml(say(flash))}</p>`;
}
