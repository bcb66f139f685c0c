import { Page } from '@koppel/http';
import type { Child } from 'hono/jsx';
import { FLASH_TONE, type Flash } from '../../console/flash';
import type { ReviewCopy } from '../copy';
import { type PageView, Switcher } from '../page-view';
import { STYLESHEET_PATH } from '../stylesheet';

/** Where a page is in the console's navigation. */
export type Section = 'queue' | 'sign-ups' | 'mails' | 'policies' | 'insights';

/** A console page: the one page frame with the console's navigation (its section marked) and the language switcher. */
export function ConsolePage(props: { view: PageView; title: string; section: Section; children: Child }) {
  const { copy } = props.view;
  const { nav } = copy;
  return (
    <Page
      lang={props.view.lang}
      title={props.title}
      siteName={copy.siteName}
      nav={[
        { href: '/console', label: nav.queue, current: props.section === 'queue' },
        { href: '/console/sign-ups', label: nav.signUps, current: props.section === 'sign-ups' },
        { href: '/console/mails', label: nav.mails, current: props.section === 'mails' },
        { href: '/console/policies', label: nav.policies, current: props.section === 'policies' },
        { href: '/console/insights', label: nav.insights, current: props.section === 'insights' },
        { href: '/console/sign-out', label: nav.signOut },
      ]}
      languages={<Switcher view={props.view} />}
      stylesheet={STYLESHEET_PATH}
    >
      {props.children}
    </Page>
  );
}

/** What the last form post came to (post/redirect/get), said in the reader's language; nothing without a flash. */
export function FlashMessage(props: { copy: ReviewCopy; flash: Flash | undefined }) {
  const { flash } = props;
  if (!flash) return null;
  const say = props.copy.flash[flash.key] as (f: Flash) => string;
  return (
    <p class={FLASH_TONE[flash.key]} role="status">
      {say(flash)}
    </p>
  );
}

/** A table's header row: one column heading per text. */
export function HeaderRow(props: { headings: Record<string, string> }) {
  return (
    <tr>
      {Object.values(props.headings).map((h) => (
        <th scope="col">{h}</th>
      ))}
    </tr>
  );
}
