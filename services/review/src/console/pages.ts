import type { ProposalDoc } from '../store/proposals';

/** Escapes text for HTML; every value from data passes through here. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STATUS_NL: Record<string, string> = { proposed: 'Voorgesteld', approved: 'Goedgekeurd', rejected: 'Afgewezen' };

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – koppel</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; color: #1b1b1b; line-height: 1.45; }
  a { color: #0b4f9c; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
  .score { font-variant-numeric: tabular-nums; }
  form.inline { display: inline-block; margin: .2rem 0; }
  button { padding: .35rem .7rem; font: inherit; cursor: pointer; }
  .approve { background: #11652f; color: #fff; border: 0; }
  .reject { background: #fff; color: #8a1c1c; border: 1px solid #8a1c1c; }
  .muted { color: #555; }
  nav a { margin-right: 1rem; }
  :focus-visible { outline: 3px solid #f3a712; outline-offset: 2px; }
</style>
</head>
<body>
<header><p><strong>koppel</strong> · bemiddelingsconsole</p></header>
<main id="inhoud">
${body}
</main>
</body>
</html>`;
}

export interface QueuePageInput {
  items: ProposalDoc[];
  total: number;
  status: string | undefined;
  offset: number;
  limit: number;
  message?: string;
}

/** The broker's queue of proposals, best score first, with approve and reject forms. */
export function queuePage(input: QueuePageInput): string {
  const tabs = ['proposed', 'approved', 'rejected']
    .map((s) => `<a href="/console?status=${s}"${s === input.status ? ' aria-current="page"' : ''}>${STATUS_NL[s]}</a>`)
    .join('');
  const rows = input.items.map(proposalRow).join('\n');
  const pageEnd = Math.min(input.offset + input.limit, input.total);
  const prev = input.offset > 0 ? `<a href="/console?status=${escapeHtml(input.status ?? '')}&offset=${Math.max(0, input.offset - input.limit)}">Vorige</a>` : '';
  const next = pageEnd < input.total ? `<a href="/console?status=${escapeHtml(input.status ?? '')}&offset=${input.offset + input.limit}">Volgende</a>` : '';
  return layout(
    'Voorstellen',
    `<h1>Voorgestelde koppelingen</h1>
<nav aria-label="Status">${tabs}</nav>
${input.message ? `<p role="status">${escapeHtml(input.message)}</p>` : ''}
<p class="muted">${input.total === 0 ? 'Geen voorstellen.' : `${input.offset + 1}–${pageEnd} van ${input.total}`}</p>
<table>
<caption class="muted">Aanvraag van de school, voorgesteld aanbod, score en beslissing</caption>
<thead><tr><th scope="col">Aanvraag (school)</th><th scope="col">Aanbod (aanbieder)</th><th scope="col">Score</th><th scope="col">Beslissing</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<nav aria-label="Paginering">${prev} ${next}</nav>`,
  );
}

function proposalRow(p: ProposalDoc): string {
  const m = p.match;
  const id = encodeURIComponent(p._id);
  const decision =
    p.status === 'proposed'
      ? `<form class="inline" method="post" action="/console/proposals/${id}/approve">
  <label for="note-${id}">Notitie voor de mail</label><br><input id="note-${id}" name="note" maxlength="2000"><br>
  <button class="approve" type="submit">Goedkeuren</button>
</form>
<form class="inline" method="post" action="/console/proposals/${id}/reject">
  <label for="reason-${id}">Reden van afwijzing</label><br><input id="reason-${id}" name="note" required maxlength="2000"><br>
  <button class="reject" type="submit">Afwijzen</button>
</form>`
      : `${escapeHtml(STATUS_NL[p.status])} door ${escapeHtml(p.decidedBy)}${p.note ? `<br><span class="muted">${escapeHtml(p.note)}</span>` : ''}`;
  return `<tr>
<td><strong>${escapeHtml(m.request.title)}</strong><br>${escapeHtml(m.school.name)}, ${escapeHtml(m.request.municipality)}<br><span class="muted">${m.request.pupils} leerlingen, ${m.request.ageMin}–${m.request.ageMax} jaar</span></td>
<td><strong>${escapeHtml(m.offer.title)}</strong><br>${escapeHtml(m.provider.name)}, ${escapeHtml(m.offer.municipality)}<br><span class="muted">${escapeHtml(m.summary)}</span></td>
<td class="score">${Math.round(p.score * 100)}%</td>
<td>${decision}</td>
</tr>`;
}
