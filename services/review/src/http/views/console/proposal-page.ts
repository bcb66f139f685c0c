import { FORMAT_LABELS, labelOf, type MailKind, type MatchSide } from '@koppel/contracts';
import { themeLabel } from '@koppel/matching';
import { escapeHtml } from '@koppel/http';
import type { MailState, ProposalDoc } from '../../../store/proposal-doc';
import type { Flash } from '../../console/flash';
import { formatters, type PageView } from '../page-view';
import { actionLabel, actorLabel, consolePage, disciplineLabel, flashHtml, pct, regionLabel, statusLabel } from './console-layout';
import { explanationView } from './explanation';

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
