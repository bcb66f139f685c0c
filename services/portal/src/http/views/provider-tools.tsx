import type { PortalCopy } from '../../copy';
import { DEFAULT_DEMAND_MONTHS, DEMAND_MONTH_CHOICES } from '../../provider/demand';
import { fieldsFor } from './form-fields';

/**
 * The provider page's two tools (issue #13), rendered with their forms and empty
 * regions; the browser script (client/provider-tools.ts) fills them in.
 *
 * - **Import offers** from a CSV or JSON Lines file (intake's `POST /offers/imports`),
 *   with the template to download and intake's explanation of the columns.
 * - **What schools ask for** within the provider's reach (review's `GET /insights/demand`):
 *   bar charts (inline SVG) with a text alternative and their numbers as tables.
 */

/** The file input's id; the error slot and hint follow the form fields' pattern (form-fields.tsx). */
const FILE_ID = 'f-importFile';

export function OfferImportSection(props: { copy: PortalCopy; intakeUrl: string }) {
  const t = props.copy.providerTools.import;
  const { RadioGroup } = fieldsFor(props.copy);
  const template = (separator: 'semicolon' | 'comma') => `${props.intakeUrl}/offers/imports/template.csv?separator=${separator}`;
  return (
    <section aria-labelledby="h-offer-import">
      <h2 id="h-offer-import">{t.heading}</h2>
      <p>{t.intro}</p>
      <p class="template-links">
        <a href={template('semicolon')}>{t.templateSemicolon}</a>
      </p>
      <p class="hint">
        {t.templateHint} <a href={template('comma')}>{t.templateComma}</a>.
      </p>
      <details class="column-guide" id="import-columns">
        <summary>{t.columnsSummary}</summary>
        <div id="import-columns-body">
          <p class="muted">{t.columnsLoading}</p>
        </div>
      </details>
      <form id="offer-import-form" novalidate>
        <div class="field" data-field="importFile">
          <label for={FILE_ID}>{t.file}</label>
          <p class="hint" id={`${FILE_ID}-hint`}>
            {t.fileHint}
          </p>
          <input
            type="file"
            id={FILE_ID}
            name="importFile"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            aria-describedby={`${FILE_ID}-hint ${FILE_ID}-error`}
            required
          />
          <p class="field-error" id={`${FILE_ID}-error`} hidden />
        </div>
        <RadioGroup
          name="importMode"
          legend={t.modeLegend}
          choices={[
            ['all', t.modeAll],
            ['valid-rows', t.modeValid],
          ]}
          value="all"
        />
        <button type="submit" class="primary">
          {t.submit}
        </button>
      </form>
      <div class="import-result">
        <h3 id="h-import-result" tabindex={-1} hidden>
          {t.resultHeading}
        </h3>
        <p id="import-status" class="status-line" role="status" aria-live="polite" />
        <div id="import-errors" />
      </div>
    </section>
  );
}

export function DemandSection(props: { copy: PortalCopy }) {
  const t = props.copy.providerTools.demand;
  const { SelectField } = fieldsFor(props.copy);
  return (
    <section aria-labelledby="h-demand">
      <h2 id="h-demand">{t.heading}</h2>
      <p>{t.intro}</p>
      <form id="demand-form" class="demand-period">
        <SelectField
          name="demandMonths"
          label={t.period}
          choices={DEMAND_MONTH_CHOICES.map((months) => [String(months), t.months(months)])}
          value={String(DEFAULT_DEMAND_MONTHS)}
        />
      </form>
      <p id="demand-status" class="demand-total" role="status" aria-live="polite">
        {t.loading}
      </p>
      <div id="demand" aria-busy="false" />
    </section>
  );
}

/**
 * The tools' rules in /portal.css (the CSP allows no inline style): the charts scale
 * with the column, bars are a dark blue (8:1 on white; the numbers are written next to
 * them, so colour carries nothing alone), text in the charts the page's own colour.
 */
export const PROVIDER_TOOLS_CSS = [
  '.template-links { margin-bottom: .2rem; font-weight: 600; }',
  'details.column-guide { margin: 0 0 1rem; }',
  'details.column-guide > summary, details.chart-table > summary { cursor: pointer; color: #0b4f9c; }',
  'details.column-guide > summary { font-weight: 600; }',
  '.column-guide table { margin: .5rem 0 1rem; font-size: .95rem; }',
  '.column-guide code, .import-errors code { font-size: .95em; }',
  '.import-result { margin: 1rem 0; }',
  '.import-result h3:focus { outline-offset: 4px; }',
  '.status-line.import-failed:not(:empty) { background: #fdecea; border-left-color: #a4161a; }',
  '.import-errors { margin: .5rem 0 0; }',
  '.import-errors caption { text-align: left; font-weight: 600; padding: 0 0 .3rem; }',
  '.demand-period .field select { min-width: 12rem; }',
  '.demand-total:not(:empty) { font-weight: 600; }',
  '.demand-chart { margin: 1.2rem 0 1.5rem; }',
  'svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; overflow: visible; }',
  'svg.chart .bar { fill: #0b4f9c; }',
  'svg.chart text { fill: #1b1b1b; font-family: system-ui, sans-serif; }',
  'svg.chart .axis { stroke: #4a4a4a; stroke-width: 1; }',
  'details.chart-table { margin: .4rem 0 0; }',
  'details.chart-table table { max-width: 30rem; }',
  'ul.recent-demand { list-style: none; padding: 0; margin: 0; }',
  'ul.recent-demand li { border-bottom: 1px solid #bbb; padding: .4rem 0; }',
  '.recent-title { display: block; font-weight: 600; }',
].join('\n');
