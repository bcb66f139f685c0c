import { askHref } from '../../catalogue/offer-text';
import { INCLUSION_FILTERS, PRICE_CHOICES, SORTS, searchValuesOf } from '../../catalogue/search';
import { copyFor } from '../../copy';
import { type Choices, countryChoices, disciplineChoices, formatChoices, gradeChoices, languageChoices } from './choices';
import { fieldsFor } from './form-fields';
import { type PageContext, PortalPage } from './layout';

/**
 * The public catalogue (issue #13), no sign-in needed. `/aanbod` is a plain GET form
 * whose fields are its own query string, served filled in from that query string;
 * the browser script asks intake's `/catalogue` with it and writes the results.
 * `/aanbod/<id>` is the shell of one offer's page, filled in by the script from
 * `/catalogue/offers/<id>`. The portal itself holds no data.
 */

/** A value from the address that is not one of the choices stays visible (and intake says what is wrong with it). */
const withValue = (choices: Choices, value: string): Choices =>
  value && !choices.some(([v]) => v === value) ? [...choices, [value, value]] : choices;

export function CataloguePage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.catalogue;
  const values = searchValuesOf(new URLSearchParams(context.path.split('?')[1] ?? ''));
  const { InputField, SelectField, CheckboxGroup, RadioGroup, FlagGroup } = fieldsFor(copy, { markOptional: false });
  const priceLabels: Record<(typeof PRICE_CHOICES)[number], string> = {
    '': t.priceAny,
    free: t.priceFree,
    social: t.priceSocial,
    max: t.priceMax,
  };
  const moreInUse = Boolean(
    values.format ||
      values.language ||
      values.price ||
      values.maxPrice ||
      values.sort ||
      INCLUSION_FILTERS.some((f) => values.inclusion[f]),
  );
  const sorts: Choices = SORTS.filter((s) => s !== 'relevance').map((s) => [s, t.sorts[s]]);
  return (
    <PortalPage context={context} page="catalogue" current="/aanbod" title={t.title}>
      <h1>{t.heading}</h1>
      <p>{t.intro}</p>
      <div id="catalogue-errors" class="error-summary" tabindex={-1} role="alert" hidden />
      <search aria-label={t.searchLabel}>
        <form id="catalogue-form" method="get" action="/aanbod" novalidate>
          <InputField name="q" label={t.words} hint={t.wordsHint} value={values.q} />
          <fieldset>
            <legend>{t.whoLegend}</legend>
            <div class="row">
              <InputField name="age" label={t.age} type="number" value={values.age} />
              <SelectField
                name="grade"
                label={t.grade}
                choices={withValue(gradeChoices(copy), values.grade)}
                placeholder={t.anyGrade}
                value={values.grade}
              />
            </div>
          </fieldset>
          <CheckboxGroup name="discipline" legend={t.disciplines} choices={disciplineChoices(context.lang)} checked={values.discipline} />
          <fieldset>
            <legend>{t.whereLegend}</legend>
            <div class="row">
              <InputField name="near" label={t.near} hint={t.nearHint} value={values.near} />
              <SelectField
                name="country"
                label={t.country}
                choices={withValue(countryChoices(copy), values.country)}
                placeholder={t.anyCountry}
                value={values.country}
              />
              <InputField name="km" label={t.km} hint={t.kmHint} type="number" value={values.km} />
            </div>
          </fieldset>
          {/* What fewer searches need, folded away unless in use (so an error there is never out of sight). */}
          <details class="more-filters" open={moreInUse || undefined}>
            <summary>{t.moreFilters}</summary>
            <div class="row">
              <SelectField
                name="format"
                label={t.format}
                choices={withValue(formatChoices(context.lang), values.format)}
                placeholder={t.anyFormat}
                value={values.format}
              />
              <SelectField
                name="language"
                label={t.language}
                choices={withValue(languageChoices(copy), values.language)}
                placeholder={t.anyLanguage}
                value={values.language}
              />
            </div>
            <RadioGroup name="price" legend={t.priceLegend} choices={PRICE_CHOICES.map((p) => [p, priceLabels[p]])} value={values.price}>
              <InputField name="maxPrice" label={t.maxPrice} type="number" value={values.maxPrice} />
            </RadioGroup>
            <FlagGroup
              field="inclusion"
              legend={t.inclusionLegend}
              hint={t.inclusionHint}
              flags={INCLUSION_FILTERS.map((flag) => ({ name: flag, label: t.inclusion[flag], checked: values.inclusion[flag] }))}
            />
            <SelectField
              name="sort"
              label={t.sort}
              choices={withValue(sorts, values.sort)}
              placeholder={t.sorts.relevance}
              value={values.sort}
            />
          </details>
          <p class="actions">
            <button type="submit" class="primary">
              {t.submit}
            </button>
            <a href="/aanbod">{t.clear}</a>
          </p>
        </form>
      </search>
      <section aria-labelledby="h-results">
        <h2 id="h-results">{t.resultsHeading}</h2>
        <p id="catalogue-status" class="status-line" role="status" aria-live="polite" />
        <div id="results" aria-busy="true">
          <p class="muted">{copy.loading}</p>
        </div>
      </section>
    </PortalPage>
  );
}

/** The offer id in `/aanbod/<id>` (percent-decoded; as it came when it does not decode). */
export function offerIdOfPath(path: string): string {
  const segment = (path.split('?')[0] ?? '').replace(/^\/aanbod\//, '').split('/')[0] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function OfferPage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.offerPage;
  const id = offerIdOfPath(context.path);
  // No menu entry is marked: aria-current="page" would claim this page is the catalogue's first.
  return (
    <PortalPage context={context} page="offer" current="" title={t.title} data={{ offer: id }}>
      <p>
        <a id="offer-back" href="/aanbod">
          {t.back}
        </a>
      </p>
      <h1 id="offer-title">{t.title}</h1>
      <p id="offer-status" class="status-line" role="status" aria-live="polite" />
      <div id="offer-details" aria-busy="true">
        <p class="muted">{copy.loading}</p>
      </div>
      <p class="actions" id="offer-actions" hidden>
        <a id="offer-ask" class="button primary" href={askHref(id)}>
          {t.ask}
        </a>
      </p>
    </PortalPage>
  );
}
