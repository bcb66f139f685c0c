import { DISCIPLINE_LABELS, DISCIPLINES, FORMAT_LABELS, labelOf, type MailKind, type MatchSide } from '@koppel/contracts';
import { themeLabel } from '@koppel/matching';
import type { PolicyDoc } from '../store/policies';
import type { MailState, ProposalDoc } from '../store/proposals';
import { escapeHtml, layout } from '../web/layout';
import { explanationView } from './explanation';
import type { QueueQuery } from './queue-query';

export { escapeHtml };

export const STATUS_NL: Record<string, string> = {
  proposed: 'Voorgesteld',
  approved: 'Goedgekeurd',
  rejected: 'Afgewezen',
  confirmed: 'Bevestigd',
  declined: 'Niet doorgegaan',
};
const disciplineNl = (code: string) => labelOf(DISCIPLINE_LABELS, code);
const formatNl = (code: string) => labelOf(FORMAT_LABELS, code).toLowerCase();
const ACTION_NL: Record<string, string> = {
  proposed: 'voorgesteld',
  approved: 'goedgekeurd',
  rejected: 'afgewezen',
  note: 'notitie aangepast',
  interested: 'geïnteresseerd',
  not_interested: 'niet geïnteresseerd',
  confirmed: 'bevestigd',
  declined: 'niet doorgegaan',
  resend: 'mail opnieuw verstuurd',
};
const SIDE_NL: Record<MatchSide, string> = { school: 'school', provider: 'aanbieder' };
const KIND_NL: Record<MailKind, string> = { approved: 'voorstel', confirmed: 'bevestiging' };

function nav(current: string) {
  return [
    { href: '/console', label: 'Voorstellen', current: current === 'queue' },
    { href: '/console/mails', label: 'Mislukte mails', current: current === 'mails' },
    { href: '/console/policies', label: 'Automatisch goedkeuren', current: current === 'policies' },
    { href: '/console/sign-out', label: 'Afmelden' },
  ];
}

function consolePage(title: string, current: string, body: string): string {
  return layout({ title, siteName: 'bemiddelingsconsole', nav: nav(current) }, body);
}

function pct(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function message(text?: string): string {
  return text ? `<p class="ok" role="status">${escapeHtml(text)}</p>` : '';
}

function options(values: readonly string[], selected: string | undefined, label: (v: string) => string, empty: string): string {
  return [`<option value="">${escapeHtml(empty)}</option>`, ...values.map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(label(v))}</option>`)].join('');
}

export function queueUrl(query: Partial<QueueQuery>, overrides: Partial<QueueQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && k !== 'message' && !(k === 'offset' && v === 0) && !(k === 'sort' && v === 'score')) params.set(k, String(v));
  const qs = params.toString();
  return `/console${qs ? `?${qs}` : ''}`;
}

export interface QueuePageInput {
  items: ProposalDoc[];
  total: number;
  query: QueueQuery;
  limit: number;
  regions: string[];
  message?: string;
}

/** The broker's queue: filters, sort, search, pages; approve, reject or approve several at once. */
export function queuePage(input: QueuePageInput): string {
  const q = input.query;
  const pageEnd = Math.min(q.offset + input.limit, input.total);
  const prev = q.offset > 0 ? `<a href="${escapeHtml(queueUrl(q, { offset: Math.max(0, q.offset - input.limit) }))}">Vorige</a>` : '';
  const next = pageEnd < input.total ? `<a href="${escapeHtml(queueUrl(q, { offset: q.offset + input.limit }))}">Volgende</a>` : '';
  const bulk = input.items.some((p) => p.status === 'proposed');
  return consolePage(
    'Voorstellen',
    'queue',
    `<h1>Voorgestelde koppelingen</h1>
${message(input.message)}
<form method="get" action="/console" role="search" aria-label="Voorstellen filteren">
<fieldset><legend>Filteren en sorteren</legend>
<div class="filters">
<p><label for="f-q">Zoeken</label><input id="f-q" name="q" type="search" value="${escapeHtml(q.q ?? '')}" maxlength="100"></p>
<p><label for="f-status">Status</label><select id="f-status" name="status">${Object.entries({ ...STATUS_NL, all: 'Alle' }).map(([v, l]) => `<option value="${v}"${v === q.status ? ' selected' : ''}>${l}</option>`).join('')}</select></p>
<p><label for="f-region">Regio</label><select id="f-region" name="region">${options(input.regions, q.region, (r) => r, 'Alle regio’s')}</select></p>
<p><label for="f-discipline">Discipline</label><select id="f-discipline" name="discipline">${options(DISCIPLINES, q.discipline, disciplineNl, 'Alle')}</select></p>
<p><label for="f-minscore">Score vanaf (%)</label><input id="f-minscore" name="minScore" type="number" min="0" max="100" value="${q.minScore ?? ''}"></p>
<p><label for="f-age">Leeftijd</label><input id="f-age" name="age" type="number" min="0" max="120" value="${q.age ?? ''}"></p>
<p><label for="f-sort">Sorteren</label><select id="f-sort" name="sort">${Object.entries({ score: 'Hoogste score', newest: 'Nieuwste eerst', oldest: 'Oudste eerst' }).map(([v, l]) => `<option value="${v}"${v === q.sort ? ' selected' : ''}>${l}</option>`).join('')}</select></p>
<p><button type="submit">Toepassen</button> <a href="/console">Wissen</a></p>
</div>
</fieldset>
</form>
<p class="muted" aria-live="polite">${input.total === 0 ? 'Geen voorstellen.' : `${q.offset + 1}–${pageEnd} van ${input.total}`}</p>
${bulk ? `<form id="bulk" method="post" action="/console/bulk-approve"><p><label for="bulk-note">Notitie voor de mails (alle aangevinkte)</label><br><input id="bulk-note" name="note" maxlength="2000" size="50"> <button class="approve" type="submit">Aangevinkte goedkeuren</button></p></form>` : ''}
<table>
<caption class="visually-hidden">Voorstellen: aanvraag van de school, voorgesteld aanbod, regio, score, status en acties</caption>
<thead><tr><th scope="col"><span class="visually-hidden">Selecteren</span></th><th scope="col">Aanvraag (school)</th><th scope="col">Aanbod (aanbieder)</th><th scope="col">Regio</th><th scope="col">Score</th><th scope="col">Status en acties</th></tr></thead>
<tbody>
${input.items.map(proposalRow).join('\n')}
</tbody>
</table>
<nav aria-label="Paginering">${prev} ${next}</nav>`,
  );
}

function proposalRow(p: ProposalDoc): string {
  const m = p.match;
  const id = encodeURIComponent(p._id);
  const select =
    p.status === 'proposed'
      ? `<input type="checkbox" name="ids" value="${escapeHtml(p._id)}" form="bulk" id="sel-${escapeHtml(id)}"><label class="visually-hidden" for="sel-${escapeHtml(id)}">Selecteer ${escapeHtml(m.request.title)} × ${escapeHtml(m.offer.title)}</label>`
      : '';
  const actions =
    p.status === 'proposed'
      ? `<form class="inline" method="post" action="/console/proposals/${id}/approve"><button class="approve" type="submit" aria-label="Goedkeuren: ${escapeHtml(m.offer.title)} voor ${escapeHtml(m.school.name)}">Goedkeuren</button></form>`
      : `${p.decidedBy ? `<span class="muted">door ${escapeHtml(p.decidedBy)}</span>` : ''}`;
  return `<tr data-match-id="${escapeHtml(p._id)}">
<td>${select}</td>
<td><strong>${escapeHtml(m.request.title)}</strong><br>${escapeHtml(m.school.name)}, ${escapeHtml(m.request.municipality)}<br><span class="muted">${m.request.pupils} leerlingen, ${m.request.ageMin}–${m.request.ageMax} jaar</span></td>
<td><strong>${escapeHtml(m.offer.title)}</strong><br>${escapeHtml(m.provider.name)}, ${escapeHtml(m.offer.municipality)}<br><span class="muted">${escapeHtml(m.summary)}</span></td>
<td>${escapeHtml(p.region)}</td>
<td class="score">${pct(p.score)}</td>
<td><span class="status">${escapeHtml(STATUS_NL[p.status] ?? p.status)}</span><br><a href="/console/proposals/${id}">Bekijken<span class="visually-hidden">: ${escapeHtml(m.request.title)} × ${escapeHtml(m.offer.title)}</span></a><br>${actions}</td>
</tr>`;
}

function mailLine(p: ProposalDoc, recipient: MatchSide, kind: MailKind, state: MailState | undefined): string {
  if (!state) return '';
  const resend =
    state.status === 'failed'
      ? `<form class="inline" method="post" action="/console/proposals/${encodeURIComponent(p._id)}/mails/${recipient}/${kind}/resend"><button type="submit">Opnieuw versturen<span class="visually-hidden"> naar ${SIDE_NL[recipient]}</span></button></form>`
      : '';
  const status = { sent: 'verstuurd', failed: 'mislukt', 'resend-requested': 'wordt opnieuw verstuurd' }[state.status];
  return `<li>Mail (${KIND_NL[kind]}) aan ${SIDE_NL[recipient]}${state.to ? ` &lt;${escapeHtml(state.to)}&gt;` : ''}: <strong>${status}</strong>${state.reason ? ` <span class="muted">(${escapeHtml(state.reason)})</span>` : ''} ${resend}</li>`;
}

/** One match: request and offer side by side, why it fits, other candidates, answers, mails, history, decisions. */
export function proposalPage(p: ProposalDoc, others: ProposalDoc[], flash?: string): string {
  const m = p.match;
  const id = encodeURIComponent(p._id);
  const e = explanationView(m);
  const answers = (['school', 'provider'] as const)
    .map((side) => {
      const a = p.answers?.[side];
      return `<li>${SIDE_NL[side]}: ${a ? `<strong>${a.answer === 'interested' ? 'geïnteresseerd' : 'niet geïnteresseerd'}</strong>${a.reason ? ` — “${escapeHtml(a.reason)}”` : ''}` : '<span class="muted">nog geen antwoord</span>'}</li>`;
    })
    .join('');
  const mails = (['school', 'provider'] as const).flatMap((r) => (['approved', 'confirmed'] as const).map((k) => mailLine(p, r, k, p.mails?.[`${r}_${k}`]))).join('');
  const decide =
    p.status === 'proposed'
      ? `<section aria-labelledby="h-decide"><h2 id="h-decide">Beslissen</h2>
<form method="post" action="/console/proposals/${id}/note"><p><label for="note">Notitie voor de mail</label><br><textarea id="note" name="note" rows="2" cols="60" maxlength="2000">${escapeHtml(p.note ?? '')}</textarea><br><button type="submit">Notitie bewaren</button></p></form>
<form class="inline" method="post" action="/console/proposals/${id}/approve"><button class="approve" type="submit">Goedkeuren</button></form>
<form method="post" action="/console/proposals/${id}/reject"><p><label for="reason">Reden van afwijzing</label><br><input id="reason" name="note" required maxlength="2000" size="50"> <button class="reject" type="submit">Afwijzen</button></p></form>
</section>`
      : '';
  return consolePage(
    `${m.request.title} × ${m.offer.title}`,
    'queue',
    `<p><a href="/console">← Terug naar de voorstellen</a></p>
<h1>${escapeHtml(m.request.title)} × ${escapeHtml(m.offer.title)}</h1>
${message(flash)}
<p><span class="status" data-testid="status">${escapeHtml(STATUS_NL[p.status] ?? p.status)}</span> · score <strong class="score">${pct(p.score)}</strong> · regio ${escapeHtml(p.region)}${p.decidedBy ? ` · door ${escapeHtml(p.decidedBy)}` : ''}</p>
<div class="side-by-side">
<section class="card" aria-labelledby="h-request"><h2 id="h-request">Aanvraag</h2>
<dl class="facts"><dt>Titel</dt><dd>${escapeHtml(m.request.title)}</dd><dt>School</dt><dd>${escapeHtml(m.school.name)} &lt;${escapeHtml(m.school.email)}&gt;</dd><dt>Plaats</dt><dd>${escapeHtml(m.request.postcode)} ${escapeHtml(m.request.municipality)}</dd><dt>Leerlingen</dt><dd>${m.request.pupils}, ${m.request.ageMin}–${m.request.ageMax} jaar</dd><dt>Disciplines</dt><dd>${m.request.disciplines.map(disciplineNl).join(', ') || '—'}</dd></dl></section>
<section class="card" aria-labelledby="h-offer"><h2 id="h-offer">Aanbod</h2>
<dl class="facts"><dt>Titel</dt><dd>${escapeHtml(m.offer.title)}</dd><dt>Aanbieder</dt><dd>${escapeHtml(m.provider.name)} &lt;${escapeHtml(m.provider.email)}&gt;</dd><dt>Plaats</dt><dd>${escapeHtml(m.offer.municipality)}</dd><dt>Vorm</dt><dd>${escapeHtml(formatNl(m.offer.format))}, € ${m.offer.pricePerPupil.toFixed(2).replace('.', ',')} per leerling</dd><dt>Disciplines</dt><dd>${m.offer.disciplines.map(disciplineNl).join(', ')}</dd></dl></section>
</div>
<section aria-labelledby="h-why"><h2 id="h-why">Waarom dit past</h2>
<p>${escapeHtml(e.sentence)}</p>
<dl class="facts">${e.ages ? `<dt>Leeftijden</dt><dd>${escapeHtml(e.ages)}</dd>` : ''}${e.distance ? `<dt>Afstand</dt><dd>${escapeHtml(e.distance)}</dd>` : ''}<dt>Discipline</dt><dd>${e.disciplines.map(disciplineNl).join(', ') || '—'}</dd><dt>Thema’s</dt><dd>${e.themes.map((t) => escapeHtml(themeLabel(t, 'nl'))).join(', ') || '—'}</dd><dt>Gedeelde woorden</dt><dd>${e.terms.map(escapeHtml).join(', ') || '—'}</dd>${e.overBudget ? '<dt>Let op</dt><dd>duurder dan het budget</dd>' : ''}</dl>
</section>
${decide}
<section aria-labelledby="h-answers"><h2 id="h-answers">Antwoorden</h2><ul>${answers}</ul></section>
${mails ? `<section aria-labelledby="h-mails"><h2 id="h-mails">Mails</h2><ul>${mails}</ul></section>` : ''}
<section aria-labelledby="h-others"><h2 id="h-others">Andere kandidaten voor deze aanvraag</h2>
${others.length ? `<ul>${others.map((o) => `<li><a href="/console/proposals/${encodeURIComponent(o._id)}">${escapeHtml(o.match.offer.title)}</a> (${escapeHtml(o.match.provider.name)}) — ${pct(o.score)}, ${escapeHtml(STATUS_NL[o.status] ?? o.status)}</li>`).join('')}</ul>` : '<p class="muted">Geen andere voorstellen.</p>'}
</section>
<section aria-labelledby="h-history"><h2 id="h-history">Geschiedenis</h2>
<ol>${(p.history ?? []).map((h) => `<li><time datetime="${new Date(h.at).toISOString()}">${new Date(h.at).toLocaleString('nl-BE', { timeZone: 'Europe/Brussels' })}</time>: ${escapeHtml(ACTION_NL[h.action] ?? h.action)} door ${escapeHtml(h.by)}${h.note ? ` — “${escapeHtml(h.note)}”` : ''}</li>`).join('')}</ol>
</section>`,
  );
}

/** Mails the notifier gave up on, with a resend button each. */
export function failedMailsPage(items: ProposalDoc[], flash?: string): string {
  const rows = items.flatMap((p) =>
    Object.values(p.mails ?? {})
      .filter((s) => s.status === 'failed')
      .map(
        (s) => `<tr><td><a href="/console/proposals/${encodeURIComponent(p._id)}">${escapeHtml(p.match.request.title)} × ${escapeHtml(p.match.offer.title)}</a></td><td>${SIDE_NL[s.recipient]} &lt;${escapeHtml(s.to ?? '')}&gt;</td><td>${KIND_NL[s.kind]}</td><td>${escapeHtml(s.reason ?? '')} (${s.attempts ?? '?'} pogingen)</td>
<td><form method="post" action="/console/proposals/${encodeURIComponent(p._id)}/mails/${s.recipient}/${s.kind}/resend"><button type="submit">Opnieuw versturen<span class="visually-hidden">: ${escapeHtml(p.match.offer.title)} aan ${SIDE_NL[s.recipient]}</span></button></form></td></tr>`,
      ),
  );
  return consolePage(
    'Mislukte mails',
    'mails',
    `<h1>Mislukte mails</h1>
${message(flash)}
${rows.length ? `<table><caption class="visually-hidden">Mails die niet verstuurd konden worden</caption><thead><tr><th scope="col">Koppeling</th><th scope="col">Aan</th><th scope="col">Soort</th><th scope="col">Fout</th><th scope="col">Actie</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>Geen mislukte mails.</p>'}`,
  );
}

/** Auto-approval per region: what is on, and a form to change it. */
export function policiesPage(policies: PolicyDoc[], regions: string[], flash?: string): string {
  const rows = policies
    .map((p) => `<tr><td>${escapeHtml(p._id)}</td><td>${p.enabled ? 'aan' : 'uit'}</td><td>${pct(p.threshold)}</td><td>${escapeHtml(p.updatedBy)}, ${new Date(p.updatedAt).toLocaleDateString('nl-BE')}</td></tr>`)
    .join('');
  return consolePage(
    'Automatisch goedkeuren',
    'policies',
    `<h1>Automatisch goedkeuren per regio</h1>
${message(flash)}
<p>Voorstellen uit een regio met een score op of boven de drempel worden meteen goedgekeurd; de mails vertrekken zoals bij een goedkeuring door een bemiddelaar.</p>
${rows ? `<table><caption class="visually-hidden">Regels per regio</caption><thead><tr><th scope="col">Regio</th><th scope="col">Status</th><th scope="col">Drempel</th><th scope="col">Gewijzigd</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="muted">Nog geen regels: alles wacht op een bemiddelaar.</p>'}
<h2>Regel instellen</h2>
<form method="post" action="/console/policies">
<p><label for="p-region">Regio</label><br><select id="p-region" name="region" required>${regions.map((r) => `<option>${escapeHtml(r)}</option>`).join('')}</select></p>
<p><label for="p-threshold">Drempel (score in %)</label><br><input id="p-threshold" name="threshold" type="number" min="0" max="100" required value="80"></p>
<p><input id="p-enabled" name="enabled" type="checkbox" checked> <label for="p-enabled">Automatisch goedkeuren aan</label></p>
<p><button class="primary" type="submit">Bewaren</button></p>
</form>`,
  );
}
