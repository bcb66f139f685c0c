import { AGE_BAND_IDS } from '../../../app/insights/age-bands';
import type { SupplyDemandCell } from '../../../app/insights/figures';
import type { PageView } from '../page-view';
import { ageBandLabel } from './insights-words';
import { disciplineLabel } from './labels';

/** How a cell looks: no demand, enough supply, too little, none at all. Light fills, so the dark numbers on them stay readable (≥ 7:1). */
export type CellTone = 'noDemand' | 'covered' | 'short' | 'none';

export const TONE_FILL: Record<CellTone, string> = {
  noDemand: '#f4f4f4',
  covered: '#d5ecd4',
  short: '#fbc9a4',
  none: '#f29a7c',
};

export function toneOf(cell: Pick<SupplyDemandCell, 'requests' | 'offers'>): CellTone {
  if (cell.requests === 0) return 'noDemand';
  if (cell.offers >= cell.requests) return 'covered';
  return cell.offers === 0 ? 'none' : 'short';
}

/** The cells where supply falls short, the largest gap first. */
export function shortages(cells: SupplyDemandCell[]): SupplyDemandCell[] {
  return cells
    .filter((c) => c.requests > c.offers)
    .sort((a, b) => b.requests - b.offers - (a.requests - a.offers) || b.requests - a.requests);
}

const LABEL_WIDTH = 200;
const CELL_WIDTH = 92;
const CELL_HEIGHT = 30;
const HEADER_HEIGHT = 34;
const LEGEND_HEIGHT = 44;

/**
 * Demand against supply as a server-rendered SVG heat map: disciplines in rows, age
 * bands in columns, each cell tinted by how far supply falls short and labelled
 * "requests / offers". An image with its text alternative (title and description:
 * where supply falls short most); the page repeats every number in a table.
 */
export function HeatMap(props: { view: PageView; cells: SupplyDemandCell[] }) {
  const { view, cells } = props;
  const c = view.copy.insights;
  const disciplines = [...new Set(cells.map((cell) => cell.discipline))];
  const cellOf = new Map(cells.map((cell) => [`${cell.discipline}|${cell.ageBand}`, cell]));
  const width = LABEL_WIDTH + AGE_BAND_IDS.length * CELL_WIDTH;
  const gridBottom = HEADER_HEIGHT + disciplines.length * CELL_HEIGHT;
  const height = gridBottom + LEGEND_HEIGHT;
  const short = shortages(cells);
  const worst = short
    .slice(0, 3)
    .map((s) => c.cellSummary(disciplineLabel(view, s.discipline), ageBandLabel(view, s.ageBand), s.requests, s.offers))
    .join('; ');
  const description = short.length ? c.heatMapShortages(short.length, worst) : c.heatMapNoShortage;
  const tones: CellTone[] = ['noDemand', 'covered', 'short', 'none'];
  return (
    <svg
      class="heat-map"
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby="heat-map-title heat-map-desc"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      font-family="system-ui, sans-serif"
      font-size="13"
    >
      <title id="heat-map-title">{c.heatMapTitle}</title>
      <desc id="heat-map-desc">{description}</desc>
      {AGE_BAND_IDS.map((band, col) => (
        <text
          x={LABEL_WIDTH + col * CELL_WIDTH + CELL_WIDTH / 2}
          y={HEADER_HEIGHT - 12}
          text-anchor="middle"
          font-weight="600"
          fill="#1b1b1b"
        >
          {ageBandLabel(view, band)}
        </text>
      ))}
      {disciplines.map((discipline, row) => {
        const y = HEADER_HEIGHT + row * CELL_HEIGHT;
        return (
          <g>
            <text x={LABEL_WIDTH - 8} y={y + CELL_HEIGHT / 2 + 4} text-anchor="end" fill="#1b1b1b">
              {disciplineLabel(view, discipline)}
            </text>
            {AGE_BAND_IDS.map((band, col) => {
              const cell = cellOf.get(`${discipline}|${band}`) ?? { discipline, ageBand: band, requests: 0, offers: 0 };
              const x = LABEL_WIDTH + col * CELL_WIDTH;
              return (
                <g data-cell={`${discipline}|${band}`} data-tone={toneOf(cell)}>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={CELL_WIDTH - 2}
                    height={CELL_HEIGHT - 2}
                    fill={TONE_FILL[toneOf(cell)]}
                    stroke="#ffffff"
                  />
                  <text x={x + CELL_WIDTH / 2} y={y + CELL_HEIGHT / 2 + 4} text-anchor="middle" fill="#1b1b1b">
                    {c.cell(cell.requests, cell.offers)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <text x={0} y={gridBottom + 27} fill="#1b1b1b">
        {c.cellLabel}
      </text>
      {tones.map((tone, i) => {
        const x = LABEL_WIDTH + i * (CELL_WIDTH * 1.5);
        return (
          <g>
            <rect x={x} y={gridBottom + 14} width={18} height={18} fill={TONE_FILL[tone]} stroke="#555555" />
            <text x={x + 24} y={gridBottom + 27} fill="#1b1b1b">
              {c.legend[tone]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
