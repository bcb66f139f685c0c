import { DISCIPLINES } from '@koppel/contracts';
import { describeStoredExplanation } from '@koppel/matching';
import { escapeHtml } from '@koppel/http';
import type { RegionName } from '../../../app/regions/province-of-postcode';
import type { ProposalDoc } from '../../../store/proposal-doc';
import type { Flash } from '../../console/flash';
import type { QueueQuery } from '../../console/queue-query';
import type { PageView } from '../page-view';
import { consolePage, disciplineLabel, flashHtml, pct, regionLabel, statusLabel } from './console-layout';

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
