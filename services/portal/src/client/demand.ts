/// <reference lib="dom" />
import type { Language } from '@koppel/contracts';
import type { PortalCopy } from '../copy';
import { type ChartGeometry, type DemandChart, DemandSchema, demandMonthsOf, demandView } from '../provider/demand';
import { callApi } from './api';
import { el } from './dom';
import type { Session } from './session';
import { signInAgain } from './signed-out';

/**
 * "What schools ask for" on the provider page (issue #13): review's
 * `GET /insights/demand?months=N` with the provider's token, drawn as bar charts in
 * inline SVG (built here, no inline styles: classes of /portal.css and SVG attributes),
 * each with a text alternative (role=img, aria-label with every number) and the same
 * numbers as a table; then the most recent request titles. The period is a select.
 */
export interface DemandOptions {
  review: string;
  lang: Language;
  copy: PortalCopy;
  session: Session;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A chart as inline SVG: one image for assistive technology, summarised by its label. */
function chartSvg(geometry: ChartGeometry, summary: string): SVGSVGElement {
  const root = svg('svg', {
    class: 'chart',
    viewBox: `0 0 ${geometry.width} ${geometry.height}`,
    width: geometry.width,
    height: geometry.height,
    role: 'img',
    'aria-label': summary,
    focusable: 'false',
  });
  for (const bar of geometry.bars) {
    if (bar.width > 0 && bar.height > 0)
      root.append(svg('rect', { class: 'bar', x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: '#0b4f9c' }));
    if (geometry.kind === 'rows') {
      root.append(
        svg('text', { x: bar.labelX, y: bar.labelY, 'text-anchor': 'end', 'font-size': 14, fill: '#1b1b1b' }, bar.label),
        svg('text', { x: bar.valueX, y: bar.valueY, 'font-size': 14, fill: '#1b1b1b' }, String(bar.value)),
      );
    } else {
      root.append(
        svg('text', { x: bar.valueX, y: bar.valueY, 'text-anchor': 'middle', 'font-size': 12, fill: '#1b1b1b' }, String(bar.value)),
        svg('text', { x: bar.labelX, y: bar.labelY, 'text-anchor': 'middle', 'font-size': 12, fill: '#1b1b1b' }, bar.label),
      );
      if (bar.sublabel && bar.sublabelY !== undefined)
        root.append(
          svg('text', { x: bar.labelX, y: bar.sublabelY, 'text-anchor': 'middle', 'font-size': 12, fill: '#1b1b1b' }, bar.sublabel),
        );
    }
  }
  // The line the bars grow from.
  root.append(
    geometry.kind === 'rows'
      ? svg('line', { class: 'axis', x1: geometry.baseline, y1: 0, x2: geometry.baseline, y2: geometry.height, stroke: '#4a4a4a' })
      : svg('line', { class: 'axis', x1: 0, y1: geometry.baseline, x2: geometry.width, y2: geometry.baseline, stroke: '#4a4a4a' }),
  );
  return root;
}

function chartBlock(chart: DemandChart, copy: PortalCopy): HTMLElement {
  const headingId = `h-demand-${chart.key}`;
  return el(
    'div',
    { class: 'demand-chart', 'data-chart': chart.key },
    el('h3', { id: headingId }, chart.title),
    chartSvg(chart.geometry, chart.summary),
    el(
      'details',
      { class: 'chart-table' },
      el('summary', {}, copy.providerTools.demand.tableSummary(chart.title)),
      el(
        'table',
        {},
        el('caption', { class: 'visually-hidden' }, chart.title),
        el('thead', {}, el('tr', {}, ...chart.headers.map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...chart.rows.map(([label, value]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, value)))),
      ),
    ),
  );
}

export function demandSection(options: DemandOptions): void {
  const region = document.getElementById('demand');
  const status = document.getElementById('demand-status');
  const select = document.getElementById('f-demandMonths') as HTMLSelectElement | null;
  if (!region || !status || !select) return;
  const { copy, lang } = options;
  const t = copy.providerTools.demand;
  let latest = 0;

  const load = async () => {
    const months = demandMonthsOf(select.value);
    const call = ++latest;
    region.setAttribute('aria-busy', 'true');
    status.textContent = t.loading;
    const result = await callApi(`${options.review}/insights/demand?months=${months}`, {
      token: options.session.token,
      schema: DemandSchema,
    });
    if (call !== latest) return; // a newer period was picked meanwhile
    region.setAttribute('aria-busy', 'false');
    if (!result.ok) {
      if (result.status === 401) return signInAgain();
      status.textContent = t.loadFailed;
      region.replaceChildren();
      return;
    }
    const view = demandView(result.data, copy, lang);
    status.textContent = view.total;
    if (view.empty) {
      region.replaceChildren();
      return;
    }
    region.replaceChildren(
      ...(view.noDisciplines ? [el('p', { class: 'muted' }, view.noDisciplines)] : []),
      ...view.charts.map((chart) => chartBlock(chart, copy)),
      el('h3', { id: 'h-demand-recent' }, t.recentHeading),
      el('p', { class: 'hint' }, t.recentHint),
      el(
        'ul',
        { class: 'recent-demand', 'aria-labelledby': 'h-demand-recent' },
        ...view.recent.map((r) => el('li', {}, el('span', { class: 'recent-title' }, r.title), r.facts)),
      ),
    );
  };

  select.addEventListener('change', () => void load());
  // The form has nothing to send: Enter in it reloads the figures instead of the page.
  select.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
}
