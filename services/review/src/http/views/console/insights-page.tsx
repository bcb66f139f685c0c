import type { Child } from 'hono/jsx';
import { AGE_BAND_IDS } from '../../../app/insights/age-bands';
import {
  FUNNEL_STAGES,
  INCLUSION_ATTRIBUTES,
  type InsightsSummary,
  type MunicipalityGap,
  type Outcomes,
  type NeverReachedProvider,
  type NeverReachedRequester,
  type UnmatchedRequest,
} from '../../../app/insights/figures';
import type { RegionName } from '../../../app/regions/province-of-postcode';
import { formatters, type PageView } from '../page-view';
import { ConsolePage, HeaderRow } from './console-page';
import { HeatMap } from './heat-map';
import { ageBandLabel, declineText, durationText, reasonLines, shareText } from './insights-words';
import { disciplineLabel, regionLabel } from './labels';

/** The tables a CSV export exists for (`/console/insights.csv?table=…`). */
export const INSIGHT_TABLES = [
  'numbers',
  'supply-demand',
  'municipalities',
  'unmatched',
  'funnel',
  'outcome-times',
  'declines',
  'never-reached-requesters',
  'never-reached-providers',
  'inclusion',
  'inventory-offers',
  'inventory-organisations',
] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

/** The filters as the form shows them again (what the broker typed, or nothing). */
export interface InsightsFormValues {
  region?: string;
  from?: string;
  to?: string;
  period?: string;
}

export interface InsightsPageInput {
  summary: InsightsSummary;
  filters: InsightsFormValues;
  /** The regions the user may choose. */
  regions: readonly RegionName[];
  /** The ready-made periods offered (`school-year:YYYY`, `month:YYYY-MM`). */
  periods: readonly string[];
  /** Brokers are told they see their own regions only. */
  scopedToBroker: boolean;
}

/** The address of a table's CSV export with the page's filters. */
export function csvUrl(table: InsightTable, filters: InsightsFormValues): string {
  const params = new URLSearchParams({ table });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return `/console/insights.csv?${params.toString()}`;
}

function CsvLink(props: { view: PageView; table: InsightTable; filters: InsightsFormValues }) {
  return (
    <p>
      <a href={csvUrl(props.table, props.filters)} download="">
        {props.view.copy.insights.csv[props.table]}
      </a>
    </p>
  );
}

function Field(props: { id: string; label: string; children: Child }) {
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      {props.children}
    </p>
  );
}

/** A ready-made period's name in the reader's language: "schooljaar 2026–2027", "november 2026". */
export function periodLabel(view: PageView, name: string): string {
  const c = view.copy.insights;
  const schoolYear = /^school-year:(\d{4})$/.exec(name);
  if (schoolYear) return c.schoolYear(Number(schoolYear[1]));
  const month = /^month:(\d{4})-(\d{2})$/.exec(name);
  if (!month) return name;
  return new Intl.DateTimeFormat(view.copy.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)),
  );
}

function Filters(props: { view: PageView } & Pick<InsightsPageInput, 'filters' | 'regions' | 'periods' | 'scopedToBroker'>) {
  const { view, filters } = props;
  const c = view.copy.insights;
  return (
    // biome-ignore lint/a11y/useSemanticElements: the form is the search landmark, like the queue's; <search> is too new for some screen readers.
    <form method="get" action="/console/insights" role="search" aria-label={c.filterForm}>
      <fieldset>
        <legend>{c.filterLegend}</legend>
        <div class="filters">
          <Field id="i-region" label={c.region}>
            <select id="i-region" name="region">
              <option value="">{props.scopedToBroker ? c.allMyRegions : c.allRegions}</option>
              {props.regions.map((r) => (
                <option value={r} selected={r === filters.region}>
                  {regionLabel(view.copy, r)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="i-period" label={c.period}>
            <select id="i-period" name="period">
              <option value="">{c.customPeriod}</option>
              {[...props.periods, ...(filters.period && !props.periods.includes(filters.period) ? [filters.period] : [])].map((p) => (
                <option value={p} selected={p === filters.period}>
                  {periodLabel(view, p)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="i-from" label={c.from}>
            <input id="i-from" name="from" type="date" value={filters.from ?? ''} />
          </Field>
          <Field id="i-to" label={c.to}>
            <input id="i-to" name="to" type="date" value={filters.to ?? ''} />
          </Field>
          <p>
            <button type="submit">{c.apply}</button> <a href="/console/insights">{c.clear}</a>
          </p>
        </div>
      </fieldset>
    </form>
  );
}

function Numbers(props: { view: PageView; summary: InsightsSummary }) {
  const c = props.view.copy.insights;
  const { requests, offers } = props.summary;
  const rows: Array<[keyof typeof c.numbers, number]> = [
    ['requests', requests.total],
    ['withProposal', requests.withProposal],
    ['withoutProposal', requests.withoutProposal],
    ['activeOffers', offers.active],
  ];
  return (
    <table>
      <caption class="visually-hidden">{c.numbersCaption}</caption>
      <thead>
        <HeaderRow headings={{ figure: c.figure, count: c.count }} />
      </thead>
      <tbody>
        {rows.map(([key, n]) => (
          <tr data-figure={key}>
            <th scope="row">{c.numbers[key]}</th>
            <td class="score">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The heat map's numbers as a table: disciplines in rows, age bands in columns, "requests / offers" in each cell. */
function SupplyDemandTable(props: { view: PageView; summary: InsightsSummary }) {
  const { view } = props;
  const c = view.copy.insights;
  const disciplines = [...new Set(props.summary.supplyDemand.map((cell) => cell.discipline))];
  const cellOf = new Map(props.summary.supplyDemand.map((cell) => [`${cell.discipline}|${cell.ageBand}`, cell]));
  return (
    <table class="matrix">
      <caption>{c.matrixCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.discipline}</th>
          {AGE_BAND_IDS.map((band) => (
            <th scope="col">{ageBandLabel(view, band)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {disciplines.map((discipline) => (
          <tr>
            <th scope="row">{disciplineLabel(view, discipline)}</th>
            {AGE_BAND_IDS.map((band) => {
              const cell = cellOf.get(`${discipline}|${band}`);
              return (
                <td class="score" data-cell={`${discipline}|${band}`}>
                  {c.cell(cell?.requests ?? 0, cell?.offers ?? 0)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MunicipalityTable(props: { view: PageView; rows: MunicipalityGap[] }) {
  const { view } = props;
  const c = view.copy.insights;
  if (props.rows.length === 0) return <p class="muted">{c.municipalitiesNone}</p>;
  return (
    <table>
      <caption>{c.municipalitiesCaption}</caption>
      <thead>
        <HeaderRow headings={c.municipalitiesColumns} />
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr data-municipality={row.municipality}>
            <th scope="row">{row.municipality}</th>
            <td>{regionLabel(view.copy, row.region)}</td>
            <td class="score">{row.requests}</td>
            <td class="score">{row.offers}</td>
            <td class="score">{row.gap}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UnmatchedTable(props: { view: PageView; items: UnmatchedRequest[] }) {
  const { view } = props;
  const c = view.copy.insights;
  const format = formatters(view.copy);
  if (props.items.length === 0) return <p class="muted">{c.unmatchedNone}</p>;
  return (
    <table>
      <caption class="visually-hidden">{c.unmatchedCaption}</caption>
      <thead>
        <HeaderRow headings={c.unmatchedColumns} />
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr data-request-id={item.requestId}>
            <td>
              {item.title}
              <br />
              <span class="muted">{item.requestId}</span>
            </td>
            <td>
              {item.municipality}
              <br />
              <span class="muted">{regionLabel(view.copy, item.region)}</span>
            </td>
            <td>{c.pupilAges(item.ageMin, item.ageMax, item.pupils)}</td>
            <td>{item.disciplines.map((d) => disciplineLabel(view, d)).join(', ')}</td>
            <td>{format.date(item.createdAt)}</td>
            <td>
              {item.reasons.length ? (
                <ul class="reasons">
                  {reasonLines(view, item.reasons).map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              ) : (
                <span class="muted">{item.missedAt ? c.noMiss : c.notYetMatched}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FunnelTable(props: { view: PageView; summary: InsightsSummary }) {
  const { view } = props;
  const c = view.copy.insights;
  const { funnel } = props.summary;
  return (
    <table>
      <caption class="visually-hidden">{c.funnelCaption}</caption>
      <thead>
        <HeaderRow headings={c.funnelColumns} />
      </thead>
      <tbody>
        {FUNNEL_STAGES.map((stage) => (
          <tr data-stage={stage}>
            <th scope="row">{c.funnelStages[stage]}</th>
            <td class="score">{funnel[stage]}</td>
            <td class="score">{shareText(view, funnel.proposed ? funnel[stage] / funnel.proposed : 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TimesTable(props: { view: PageView; outcomes: Outcomes }) {
  const { view } = props;
  const c = view.copy.insights;
  return (
    <table>
      <caption>{c.timesCaption}</caption>
      <thead>
        <HeaderRow headings={c.timesColumns} />
      </thead>
      <tbody>
        {(['toApproval', 'toConfirmation'] as const).map((stage) => (
          <tr data-time={stage}>
            <th scope="row">{c.times[stage]}</th>
            <td class="score">{props.outcomes[stage].requests}</td>
            <td class="score">{durationText(view, props.outcomes[stage].medianSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeclinesTable(props: { view: PageView; outcomes: Outcomes }) {
  const { view } = props;
  const c = view.copy.insights;
  const format = formatters(view.copy);
  if (props.outcomes.declines.length === 0) return <p class="muted">{c.declinesNone}</p>;
  return (
    <table>
      <caption>{c.declinesCaption}</caption>
      <thead>
        <HeaderRow headings={c.declinesColumns} />
      </thead>
      <tbody>
        {props.outcomes.declines.map((d) => (
          <tr data-match-id={d.matchId}>
            <td>
              {d.requestTitle}
              <br />
              <span class="muted">{d.requestId}</span>
            </td>
            <td>
              {d.offerTitle ?? ''}
              <br />
              <span class="muted">{d.offerId}</span>
            </td>
            <td>{declineText(view, d.answers)}</td>
            <td>{d.declinedAt ? format.date(d.declinedAt) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One organisation never reached, with the listings that count for it. */
function NeverReachedTable(props: {
  view: PageView;
  caption: string;
  none: string;
  listingsHeading: string;
  rows: Array<NeverReachedRequester | NeverReachedProvider>;
}) {
  const { view } = props;
  const c = view.copy.insights;
  if (props.rows.length === 0) return <p class="muted">{props.none}</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <HeaderRow
          headings={{
            organisation: c.neverReachedColumns.organisation,
            place: c.neverReachedColumns.place,
            listings: props.listingsHeading,
          }}
        />
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr data-organisation-id={row.organisationId}>
            <td>
              {row.name ?? <span class="muted">{c.unnamed}</span>}
              <br />
              <span class="muted">{row.organisationId}</span>
            </td>
            <td>
              {row.municipality}
              <br />
              <span class="muted">{regionLabel(view.copy, row.region)}</span>
            </td>
            <td>
              {listingsOf(row).length === 0 ? <span class="muted">{c.askedNothing}</span> : null}
              <ul class="reasons">
                {listingsOf(row).map((l) => (
                  <li>
                    {l.title} <span class="muted">({l.id})</span>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The requests or offers of an organisation never reached, as id and title. */
export function listingsOf(row: NeverReachedRequester | NeverReachedProvider): Array<{ id: string; title: string }> {
  return 'requests' in row
    ? row.requests.map((r) => ({ id: r.requestId, title: r.title }))
    : row.offers.map((o) => ({ id: o.offerId, title: o.title }));
}

function InclusionTable(props: { view: PageView; summary: InsightsSummary }) {
  const { view } = props;
  const c = view.copy.insights;
  const { inclusion } = props.summary;
  return (
    <table>
      <caption class="visually-hidden">{c.inclusionCaption}</caption>
      <thead>
        <HeaderRow headings={c.inclusionColumns} />
      </thead>
      <tbody>
        {[...INCLUSION_ATTRIBUTES, 'anyAttribute' as const].map((attribute) => (
          <tr data-attribute={attribute}>
            <th scope="row">{c.inclusionAttributes[attribute]}</th>
            <td class="score">{inclusion.counts[attribute]}</td>
            <td class="score">{shareText(view, inclusion.shares[attribute])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A region's figures for a period (issue #14): key numbers, demand against supply as a
 * heat map and the same numbers as a table, open requests without a proposal with why
 * the nearest offers missed, what became of the proposals, and the share of free and
 * inclusive offers; each table with its CSV export, filtered like the page.
 */
export function InsightsPage(props: { view: PageView } & InsightsPageInput) {
  const { view, summary, filters } = props;
  const c = view.copy.insights;
  return (
    <ConsolePage view={view} title={c.title} section="insights">
      <h1>{c.heading}</h1>
      <p>{c.intro}</p>
      {props.scopedToBroker ? <p>{c.brokerScope}</p> : null}
      <Filters view={view} filters={filters} regions={props.regions} periods={props.periods} scopedToBroker={props.scopedToBroker} />

      <h2 id="h-numbers">{c.numbersHeading}</h2>
      <Numbers view={view} summary={summary} />
      <CsvLink view={view} table="numbers" filters={filters} />

      <h2 id="h-supply-demand">{c.supplyDemandHeading}</h2>
      <p>{c.supplyDemandIntro}</p>
      <HeatMap view={view} cells={summary.supplyDemand} />
      <SupplyDemandTable view={view} summary={summary} />
      <CsvLink view={view} table="supply-demand" filters={filters} />

      <h2 id="h-municipalities">{c.municipalitiesHeading}</h2>
      <p>{c.municipalitiesIntro}</p>
      <MunicipalityTable view={view} rows={summary.municipalities} />
      <CsvLink view={view} table="municipalities" filters={filters} />

      <h2 id="h-unmatched">{c.unmatchedHeading}</h2>
      <p>{c.unmatchedIntro}</p>
      <UnmatchedTable view={view} items={summary.unmatched} />
      <CsvLink view={view} table="unmatched" filters={filters} />

      <h2 id="h-funnel">{c.funnelHeading}</h2>
      <p>{c.funnelIntro}</p>
      <FunnelTable view={view} summary={summary} />
      <CsvLink view={view} table="funnel" filters={filters} />

      <h2 id="h-outcomes">{c.outcomesHeading}</h2>
      <p>{c.outcomesIntro}</p>
      <TimesTable view={view} outcomes={summary.outcomes} />
      <CsvLink view={view} table="outcome-times" filters={filters} />
      <DeclinesTable view={view} outcomes={summary.outcomes} />
      <CsvLink view={view} table="declines" filters={filters} />

      <h2 id="h-never-reached">{c.neverReachedHeading}</h2>
      <p>{c.neverReachedIntro}</p>
      <NeverReachedTable
        view={view}
        caption={c.neverReachedRequestersCaption}
        none={c.neverReachedRequestersNone}
        listingsHeading={c.neverReachedColumns.requests}
        rows={summary.neverReached.requesters}
      />
      <CsvLink view={view} table="never-reached-requesters" filters={filters} />
      <NeverReachedTable
        view={view}
        caption={c.neverReachedProvidersCaption}
        none={c.neverReachedProvidersNone}
        listingsHeading={c.neverReachedColumns.offers}
        rows={summary.neverReached.providers}
      />
      <CsvLink view={view} table="never-reached-providers" filters={filters} />

      <h2 id="h-inclusion">{c.inclusionHeading}</h2>
      <InclusionTable view={view} summary={summary} />
      <CsvLink view={view} table="inclusion" filters={filters} />

      <h2 id="h-inventory">{c.inventoryHeading}</h2>
      <p>{c.inventoryIntro}</p>
      <CsvLink view={view} table="inventory-offers" filters={filters} />
      <CsvLink view={view} table="inventory-organisations" filters={filters} />
    </ConsolePage>
  );
}
