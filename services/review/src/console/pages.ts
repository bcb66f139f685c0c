import { DISCIPLINE_LABELS, DISCIPLINES, FORMAT_LABELS, labelOf, type MailKind, type MatchSide } from '@koppel/contracts';
import { describeStoredExplanation, themeLabel } from '@koppel/matching';
import { escapeHtml } from '@koppel/http';
import { isRegionName, type RegionName } from '../regions/province-of-postcode';
import type { PolicyDoc } from '../store/policies';
import type { MailState, ProposalDoc } from '../store/proposals';
import { layout } from '../web/layout';
import type { ConsoleCopy } from './copy';
import { explanationView } from './explanation';
import { FLASH_TONE, type Flash } from './flash';
import type { QueueQuery } from './queue-query';
import { formatters, switcherOf, type PageView } from './view';

type Section = 'queue' | 'mails' | 'policies';

function consolePage(view: PageView, title: string, current: Section, body: string): string {
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

function pct(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The label of a status; a value from newer data shows as it is. */
function statusLabel(copy: ConsoleCopy, status: string): string {
  return (copy.statuses as Record<string, string>)[status] ?? status;
}

/** A region's name in the reader's language; a stored name that is no known region shows as it is. */
export function regionLabel(copy: ConsoleCopy, region: string): string {
  return isRegionName(region) ? copy.regions[region] : region;
}

function actionLabel(copy: ConsoleCopy, action: string): string {
  return (copy.actions as Record<string, string>)[action] ?? action;
}

/** Who did something: a side's name in the reader's language, anyone else (a broker's address, the matcher) as recorded. */
function actorLabel(copy: ConsoleCopy, by: string): string {
  return by === 'school' || by === 'provider' ? copy.sides[by] : by;
}

function disciplineLabel(view: PageView, code: string): string {
  return labelOf(DISCIPLINE_LABELS, code, view.lang);
}

function flashHtml(copy: ConsoleCopy, flash: Flash | undefined): string {
  if (!flash) return '';
  const say = copy.flash[flash.key] as (f: Flash) => string;
  return `<p class="${FLASH_TONE[flash.key]}" role="status">${escapeHtml(say(flash))}</p>`;
}

function options(values: readonly string[], selected: string | undefined, label: (v: string) => string, empty: string): string {
  return [
    `<option value="">${escapeHtml(empty)}</option>`,
    ...values.map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(label(v))}</option>`),
  ].join('');
}

function choices(entries: Record<string, string>, selected: string): string {
  return Object.entries(entries)
    .map(([v, l]) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(l)}</option>`)
    .join('');
}

export function queueUrl(query: Partial<QueueQuery>, overrides: Partial<QueueQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged))
    if (v !== undefined && v !== '' && !(k === 'offset' && v === 0) && !(k === 'sort' && v === 'score')) params.set(k, String(v));
  const qs = params.toString();
  return `/console${qs ? `?${qs}` : ''}`;
}

export interface QueuePageInput {
  items: ProposalDoc[];
  total: number;
  query: QueueQuery;
  limit: number;
  regions: readonly RegionName[];
  flash?: Flash;
}

/** The broker's queue: filters, sort, search, pages; approve, reject or approve several at once. */
export function queuePage(view: PageView, input: QueuePageInput): string {
  const c = view.copy.queue;
  const q = input.query;
  const pageEnd = Math.min(q.offset + input.limit, input.total);
  const prev =
    q.offset > 0
      ? `<a href="${escapeHtml(queueUrl(q, { offset: Math.max(0, q.offset - input.limit) }))}">${escapeHtml(c.previous)}</a>`
      : '';
  const next =
    pageEnd < input.total ? `<a href="${escapeHtml(queueUrl(q, { offset: q.offset + input.limit }))}">${escapeHtml(c.next)}</a>` : '';
  const bulk = input.items.some((p) => p.status === 'proposed');
  const field = (id: string, label: string, control: string) => `<p><label for="${id}">${escapeHtml(label)}</label>${control}</p>`;
  return consolePage(
    view,
    c.title,
    'queue',
    `<h1>${escapeHtml(c.heading)}</h1>
${flashHtml(view.copy, input.flash)}
<form method="get" action="/console" role="search" aria-label="${escapeHtml(c.filterForm)}">
<fieldset><legend>${escapeHtml(c.filterLegend)}</legend>
<div class="filters">
${field('f-q', c.search, `<input id="f-q" name="q" type="search" value="${escapeHtml(q.q ?? '')}" maxlength="100">`)}
${field('f-status', c.status, `<select id="f-status" name="status">${choices({ ...view.copy.statuses, all: c.allStatuses }, q.status)}</select>`)}
${field('f-region', c.region, `<select id="f-region" name="region">${options(input.regions, q.region, (r) => regionLabel(view.copy, r), c.allRegions)}</select>`)}
${field('f-discipline', c.discipline, `<select id="f-discipline" name="discipline">${options(DISCIPLINES, q.discipline, (d) => disciplineLabel(view, d), c.allDisciplines)}</select>`)}
${field('f-minscore', c.minScore, `<input id="f-minscore" name="minScore" type="number" min="0" max="100" value="${q.minScore ?? ''}">`)}
${field('f-age', c.age, `<input id="f-age" name="age" type="number" min="0" max="120" value="${q.age ?? ''}">`)}
${field('f-sort', c.sort, `<select id="f-sort" name="sort">${choices(c.sorts, q.sort)}</select>`)}
<p><button type="submit">${escapeHtml(c.apply)}</button> <a href="/console">${escapeHtml(c.clear)}</a></p>
</div>
</fieldset>
</form>
<p class="muted" aria-live="polite">${escapeHtml(input.total === 0 ? c.none : c.range(q.offset + 1, pageEnd, input.total))}</p>
${bulk ? `<form id="bulk" method="post" action="/console/bulk-approve"><p><label for="bulk-note">${escapeHtml(c.bulkNote)}</label><br><input id="bulk-note" name="note" maxlength="2000" size="50"> <button class="approve" type="submit">${escapeHtml(c.bulkApprove)}</button></p></form>` : ''}
<table>
<caption class="visually-hidden">${escapeHtml(c.caption)}</caption>
<thead><tr><th scope="col"><span class="visually-hidden">${escapeHtml(c.columns.select)}</span></th><th scope="col">${escapeHtml(c.columns.request)}</th><th scope="col">${escapeHtml(c.columns.offer)}</th><th scope="col">${escapeHtml(c.columns.region)}</th><th scope="col">${escapeHtml(c.columns.score)}</th><th scope="col">${escapeHtml(c.columns.statusAndActions)}</th></tr></thead>
<tbody>
${input.items.map((p) => proposalRow(view, p)).join('\n')}
</tbody>
</table>
<nav aria-label="${escapeHtml(c.pagination)}">${prev} ${next}</nav>`,
  );
}

function proposalRow(view: PageView, p: ProposalDoc): string {
  const c = view.copy.queue;
  const m = p.match;
  const id = encodeURIComponent(p._id);
  const select =
    p.status === 'proposed'
      ? `<input type="checkbox" name="ids" value="${escapeHtml(p._id)}" form="bulk" id="sel-${escapeHtml(id)}"><label class="visually-hidden" for="sel-${escapeHtml(id)}">${escapeHtml(c.select(m.request.title, m.offer.title))}</label>`
      : '';
  const actions =
    p.status === 'proposed'
      ? `<form class="inline" method="post" action="/console/proposals/${id}/approve"><button class="approve" type="submit" aria-label="${escapeHtml(c.approveLabel(m.offer.title, m.school.name))}">${escapeHtml(c.approve)}</button></form>`
      : `${p.decidedBy ? `<span class="muted">${escapeHtml(c.by(p.decidedBy))}</span>` : ''}`;
  return `<tr data-match-id="${escapeHtml(p._id)}">
<td>${select}</td>
<td><strong>${escapeHtml(m.request.title)}</strong><br>${escapeHtml(m.school.name)}, ${escapeHtml(m.request.municipality)}<br><span class="muted">${escapeHtml(c.pupils(m.request.pupils, m.request.ageMin, m.request.ageMax))}</span></td>
<td><strong>${escapeHtml(m.offer.title)}</strong><br>${escapeHtml(m.provider.name)}, ${escapeHtml(m.offer.municipality)}<br><span class="muted">${escapeHtml(describeStoredExplanation(m.explanation, m.summary, view.lang))}</span></td>
<td>${escapeHtml(regionLabel(view.copy, p.region))}</td>
<td class="score">${pct(p.score)}</td>
<td><span class="status">${escapeHtml(statusLabel(view.copy, p.status))}</span><br><a href="/console/proposals/${id}">${escapeHtml(c.view)}<span class="visually-hidden">: ${escapeHtml(m.request.title)} × ${escapeHtml(m.offer.title)}</span></a><br>${actions}</td>
</tr>`;
}

function mailLine(view: PageView, p: ProposalDoc, recipient: MatchSide, kind: MailKind, state: MailState | undefined): string {
  if (!state) return '';
  const c = view.copy.proposal;
  const resend =
    state.status === 'failed'
      ? `<form class="inline" method="post" action="/console/proposals/${encodeURIComponent(p._id)}/mails/${recipient}/${kind}/resend"><button type="submit">${escapeHtml(c.resend)}<span class="visually-hidden">${escapeHtml(c.resendTo(recipient))}</span></button></form>`
      : '';
  return `<li>${escapeHtml(c.mailLine(view.copy.mailKinds[kind], recipient))}${state.to ? ` &lt;${escapeHtml(state.to)}&gt;` : ''}: <strong>${escapeHtml(view.copy.mailStatuses[state.status])}</strong>${state.reason ? ` <span class="muted">(${escapeHtml(state.reason)})</span>` : ''} ${resend}</li>`;
}

function answersList(view: PageView, p: ProposalDoc): string {
  const c = view.copy.proposal;
  return (['school', 'provider'] as const)
    .map((side) => {
      const a = p.answers?.[side];
      const said = a
        ? `<strong>${escapeHtml(c.answer[a.answer])}</strong>${a.reason ? ` — “${escapeHtml(a.reason)}”` : ''}`
        : `<span class="muted">${escapeHtml(c.noAnswer)}</span>`;
      return `<li>${escapeHtml(view.copy.sides[side])}: ${said}</li>`;
    })
    .join('');
}

function decideSection(view: PageView, p: ProposalDoc): string {
  if (p.status !== 'proposed') return '';
  const c = view.copy.proposal;
  const id = encodeURIComponent(p._id);
  return `<section aria-labelledby="h-decide"><h2 id="h-decide">${escapeHtml(c.decide)}</h2>
<form method="post" action="/console/proposals/${id}/note"><p><label for="note">${escapeHtml(c.note)}</label><br><textarea id="note" name="note" rows="2" cols="60" maxlength="2000">${escapeHtml(p.note ?? '')}</textarea><br><button type="submit">${escapeHtml(c.saveNote)}</button></p></form>
<form class="inline" method="post" action="/console/proposals/${id}/approve"><button class="approve" type="submit">${escapeHtml(c.approve)}</button></form>
<form method="post" action="/console/proposals/${id}/reject"><p><label for="reason">${escapeHtml(c.rejectReason)}</label><br><input id="reason" name="note" required maxlength="2000" size="50"> <button class="reject" type="submit">${escapeHtml(c.reject)}</button></p></form>
</section>`;
}

/** A side of the match: its organisation's name; proposals from before issue #11 also carry the contact address. */
function partyLine(party: { name: string; email?: string }): string {
  return party.email ? `${party.name} <${party.email}>` : party.name;
}

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

/** One match: request and offer side by side, why it fits, other candidates, answers, mails, history, decisions. */
export function proposalPage(view: PageView, p: ProposalDoc, others: ProposalDoc[], flash?: Flash): string {
  const c = view.copy.proposal;
  const f = c.fields;
  const format = formatters(view.copy);
  const m = p.match;
  const e = explanationView(m, view.lang);
  const disciplines = (codes: string[]) => codes.map((d) => disciplineLabel(view, d)).join(', ') || '—';
  const mails = (['school', 'provider'] as const)
    .flatMap((r) => (['approved', 'confirmed'] as const).map((k) => mailLine(view, p, r, k, p.mails?.[`${r}_${k}`])))
    .join('');
  const formatName = labelOf(FORMAT_LABELS, m.offer.format, view.lang).toLowerCase();
  const why: [string, string][] = [
    ...(e.ages ? ([[c.whyFields.ages, e.ages]] as [string, string][]) : []),
    ...(e.distance ? ([[c.whyFields.distance, e.distance]] as [string, string][]) : []),
    [c.whyFields.discipline, disciplines(e.disciplines)],
    [c.whyFields.themes, e.themes.map((t) => themeLabel(t, view.lang)).join(', ') || '—'],
    [c.whyFields.terms, e.terms.join(', ') || '—'],
    ...(e.overBudget ? ([[c.whyFields.attention, c.overBudget]] as [string, string][]) : []),
  ];
  const history = (p.history ?? [])
    .map(
      (h) =>
        `<li><time datetime="${new Date(h.at).toISOString()}">${escapeHtml(format.dateTime(h.at))}</time>: ${escapeHtml(actionLabel(view.copy, h.action))} ${escapeHtml(c.by(actorLabel(view.copy, h.by)))}${h.note ? ` — “${escapeHtml(h.note)}”` : ''}</li>`,
    )
    .join('');
  const otherItems = others
    .map(
      (o) =>
        `<li><a href="/console/proposals/${encodeURIComponent(o._id)}">${escapeHtml(o.match.offer.title)}</a> (${escapeHtml(o.match.provider.name)}) — ${pct(o.score)}, ${escapeHtml(statusLabel(view.copy, o.status))}</li>`,
    )
    .join('');
  return consolePage(
    view,
    `${m.request.title} × ${m.offer.title}`,
    'queue',
    `<p><a href="/console">${escapeHtml(c.back)}</a></p>
<h1>${escapeHtml(m.request.title)} × ${escapeHtml(m.offer.title)}</h1>
${flashHtml(view.copy, flash)}
<p><span class="status" data-testid="status">${escapeHtml(statusLabel(view.copy, p.status))}</span> · ${escapeHtml(c.score)} <strong class="score">${pct(p.score)}</strong> · ${escapeHtml(c.region)} ${escapeHtml(regionLabel(view.copy, p.region))}${p.decidedBy ? ` · ${escapeHtml(c.by(p.decidedBy))}` : ''}</p>
<div class="side-by-side">
<section class="card" aria-labelledby="h-request"><h2 id="h-request">${escapeHtml(c.request)}</h2>
${facts([
  [f.title, m.request.title],
  [f.school, partyLine(m.school)],
  [f.place, `${m.request.postcode} ${m.request.municipality}`],
  [f.pupils, c.pupils(m.request.pupils, m.request.ageMin, m.request.ageMax)],
  [f.disciplines, disciplines(m.request.disciplines)],
])}</section>
<section class="card" aria-labelledby="h-offer"><h2 id="h-offer">${escapeHtml(c.offer)}</h2>
${facts([
  [f.title, m.offer.title],
  [f.provider, partyLine(m.provider)],
  [f.place, m.offer.municipality],
  [f.format, c.price(formatName, format.euro(m.offer.pricePerPupil))],
  [f.disciplines, disciplines(m.offer.disciplines)],
])}</section>
</div>
<section aria-labelledby="h-why"><h2 id="h-why">${escapeHtml(c.why)}</h2>
<p>${escapeHtml(e.sentence)}</p>
${facts(why)}
</section>
${decideSection(view, p)}
<section aria-labelledby="h-answers"><h2 id="h-answers">${escapeHtml(c.answers)}</h2><ul>${answersList(view, p)}</ul></section>
${mails ? `<section aria-labelledby="h-mails"><h2 id="h-mails">${escapeHtml(c.mails)}</h2><ul>${mails}</ul></section>` : ''}
<section aria-labelledby="h-others"><h2 id="h-others">${escapeHtml(c.others)}</h2>
${otherItems ? `<ul>${otherItems}</ul>` : `<p class="muted">${escapeHtml(c.noOthers)}</p>`}
</section>
<section aria-labelledby="h-history"><h2 id="h-history">${escapeHtml(c.history)}</h2>
<ol>${history}</ol>
</section>`,
  );
}

/** Mails the notifier gave up on, with a resend button each. */
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

export interface PoliciesPageInput {
  /** The policies the user may manage (all for an admin). */
  policies: PolicyDoc[];
  /** The regions the user may set a policy for. */
  regions: readonly RegionName[];
  /** Brokers are told which provinces are theirs to automate; admins manage all. */
  scopedToBroker: boolean;
  flash?: Flash;
}

function policyForm(view: PageView, regions: readonly RegionName[]): string {
  const c = view.copy.policies;
  return `<h2>${escapeHtml(c.setHeading)}</h2>
<form method="post" action="/console/policies">
<p><label for="p-region">${escapeHtml(c.region)}</label><br><select id="p-region" name="region" required>${regions.map((r) => `<option value="${escapeHtml(r)}">${escapeHtml(regionLabel(view.copy, r))}</option>`).join('')}</select></p>
<p><label for="p-threshold">${escapeHtml(c.threshold)}</label><br><input id="p-threshold" name="threshold" type="number" min="0" max="100" required value="80"></p>
<p><input id="p-enabled" name="enabled" type="checkbox" checked> <label for="p-enabled">${escapeHtml(c.enabled)}</label></p>
<p><button class="primary" type="submit">${escapeHtml(c.save)}</button></p>
</form>`;
}

/** Auto-approval per region: what is on, and a form to change it; a broker sees only the provinces wholly within its regions. */
export function policiesPage(view: PageView, input: PoliciesPageInput): string {
  const c = view.copy.policies;
  const format = formatters(view.copy);
  const rows = input.policies
    .map(
      (p) =>
        `<tr data-region="${escapeHtml(p._id)}"><td>${escapeHtml(regionLabel(view.copy, p._id))}</td><td>${escapeHtml(p.enabled ? c.on : c.off)}</td><td>${pct(p.threshold)}</td><td>${escapeHtml(p.updatedBy)}, ${escapeHtml(format.date(p.updatedAt))}</td></tr>`,
    )
    .join('');
  const scope = input.scopedToBroker ? `<p>${escapeHtml(input.regions.length ? c.brokerScope : c.brokerNone)}</p>` : '';
  const table = `<table><caption class="visually-hidden">${escapeHtml(c.caption)}</caption><thead><tr>${Object.values(c.columns)
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  return consolePage(
    view,
    c.title,
    'policies',
    `<h1>${escapeHtml(c.heading)}</h1>
${flashHtml(view.copy, input.flash)}
<p>${escapeHtml(c.intro)}</p>
${scope}
${rows ? table : `<p class="muted">${escapeHtml(c.none)}</p>`}
${input.regions.length ? policyForm(view, input.regions) : ''}`,
  );
}
