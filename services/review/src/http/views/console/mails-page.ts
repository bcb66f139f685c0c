import { escapeHtml } from '@koppel/http';
import type { ProposalDoc } from '../../../store/proposal-doc';
import type { Flash } from '../../console/flash';
import type { PageView } from '../page-view';
import { consolePage, flashHtml } from './console-layout';

/** Per source topic: messages parked in its dead-letter topic, replayed, still waiting (admins only; null when the broker is away). */
export type DeadLetterRow = { topic: string; parked: number; replayed: number; waiting: number };

function deadLettersSection(view: PageView, rows: DeadLetterRow[] | null): string {
  const c = view.copy.mails.deadLetters;
  if (rows === null) return `<h2>${escapeHtml(c.heading)}</h2>\n<p>${escapeHtml(c.unavailable)}</p>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td><code>${escapeHtml(r.topic)}</code></td><td>${r.parked}</td><td>${r.replayed}</td><td>${r.waiting > 0 ? `<strong>${r.waiting}</strong>` : '0'}</td></tr>`,
    )
    .join('');
  return `<h2>${escapeHtml(c.heading)}</h2>\n<p>${escapeHtml(c.intro)}</p>\n<table><caption class="visually-hidden">${escapeHtml(c.caption)}</caption><thead><tr>${Object.values(
    c.columns,
  )
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Mails the notifier gave up on, with a resend button each; for admins, the dead-letter topics below. */
export function failedMailsPage(view: PageView, items: ProposalDoc[], flash?: Flash, deadLetters?: DeadLetterRow[] | null): string {
  const c = view.copy.mails;
  const rows = items.flatMap((p) =>
    Object.values(p.mails ?? {})
      .filter((s) => s.status === 'failed')
      .map(
        (
          s,
        ) => `<tr><td><a href="/console/proposals/${encodeURIComponent(p._id)}">${escapeHtml(p.match.request.title)} × ${escapeHtml(p.match.offer.title)}</a></td><td>${escapeHtml(view.copy.sides[s.recipient])}${s.to ? ` &lt;${escapeHtml(s.to)}&gt;` : ''}</td><td>${escapeHtml(view.copy.mailKinds[s.kind])}</td><td>${escapeHtml(s.reason ?? '')} (${escapeHtml(c.attempts(String(s.attempts ?? '?')))})</td>
<td><form method="post" action="/console/proposals/${encodeURIComponent(p._id)}/mails/${s.recipient}/${s.kind}/resend"><button type="submit">${escapeHtml(c.resend)}<span class="visually-hidden">${escapeHtml(c.resendLabel(p.match.offer.title, s.recipient))}</span></button></form></td></tr>`,
      ),
  );
  const table = `<table><caption class="visually-hidden">${escapeHtml(c.caption)}</caption><thead><tr>${Object.values(c.columns)
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const parked = deadLetters === undefined ? '' : `\n${deadLettersSection(view, deadLetters)}`;
  return consolePage(
    view,
    c.title,
    'mails',
    `<h1>${escapeHtml(c.title)}</h1>\n${flashHtml(view.copy, flash)}\n${rows.length ? table : `<p>${escapeHtml(c.none)}</p>`}${parked}`,
  );
}
