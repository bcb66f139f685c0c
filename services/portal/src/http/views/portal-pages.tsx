import { copyFor, type PortalCopy } from '../../copy';
import { countryChoices, disciplineChoices, formatChoices, gradeChoices, languageChoices, reachChoices } from './choices';
import { fieldsFor } from './form-fields';
import { type PageContext, PortalPage } from './layout';
import { LeisureAges, LeisureNote } from './leisure-fields';
import { DemandSection, OfferImportSection } from './provider-tools';
import { SignUpInvitation } from './sign-up-pages';

export type { ApiUrls, PageContext } from './layout';

/**
 * The portal's pages, in the page language. They hold the forms and empty
 * regions; the browser script (client/main.ts) fills the lists and talks to the
 * APIs, in the language of `<html lang>`. Regions that change say so to screen
 * readers (role=status, aria-live).
 */

function SignedOut(props: { copy: PortalCopy }) {
  const t = props.copy.signedOut;
  return (
    <div id="signed-out" hidden>
      <p>
        {t.text} <a href="/aanmelden">{t.link}</a> {t.rest}
      </p>
    </div>
  );
}

/** A line the script writes a result into, read out by screen readers. */
function StatusLine(props: { id: string }) {
  return <p id={props.id} class="status-line" role="status" aria-live="polite" />;
}

/** The suggestions made to the signed-in school or provider, filled in by the page's script. */
function SuggestionsSection(props: { copy: PortalCopy }) {
  return (
    <section aria-labelledby="h-suggestions">
      <h2 id="h-suggestions">{props.copy.suggestions.heading}</h2>
      <StatusLine id="suggestions-status" />
      <div id="suggestions" aria-busy="false">
        <p class="muted">{props.copy.loading}</p>
      </div>
    </section>
  );
}

/** The signed-in organisation's requests or offers, filled in by the page's script. */
function ListingsSection(props: { kind: 'requests' | 'offers'; heading: string; copy: PortalCopy }) {
  return (
    <section aria-labelledby={`h-${props.kind}`}>
      <h2 id={`h-${props.kind}`}>{props.heading}</h2>
      <StatusLine id={`${props.kind}-status`} />
      <div id={props.kind}>
        <p class="muted">{props.copy.loading}</p>
      </div>
    </section>
  );
}

export function HomePage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.home;
  return (
    <PortalPage context={context} page="home" current="/" title={t.title}>
      <h1>{t.heading}</h1>
      <p>{t.intro}</p>
      <ul>
        <li>
          <a href="/aanbod">{t.catalogueLink}</a>: {t.catalogueText}
        </li>
        <li>
          <a href="/school">{t.schoolLink}</a>: {t.schoolText}
        </li>
        <li>
          <a href="/aanbieder">{t.providerLink}</a>: {t.providerText}
        </li>
      </ul>
      <SignUpInvitation copy={copy} />
    </PortalPage>
  );
}

export function SignInPage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.signIn;
  const { InputField } = fieldsFor(copy);
  return (
    <PortalPage context={context} page="sign-in" current="/aanmelden" title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form id="sign-in-form" novalidate>
        <InputField name="email" label={t.email} type="email" required autocomplete="email" />
        <button type="submit" class="primary">
          {t.send}
        </button>
      </form>
      <StatusLine id="sign-in-status" />
      <SignUpInvitation copy={copy} />
      <p>
        <button type="button" id="sign-out">
          {t.signOut}
        </button>
      </p>
    </PortalPage>
  );
}

export function SchoolPage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.school;
  const { InputField, TextareaField, SelectField, CheckboxGroup } = fieldsFor(copy);
  return (
    <PortalPage context={context} page="school" current="/school" title={t.title}>
      <h1>{t.title}</h1>
      <p id="who" class="muted" />
      <SignedOut copy={copy} />
      <div id="signed-in">
        <SuggestionsSection copy={copy} />
        <section aria-labelledby="h-request-form">
          <h2 id="h-request-form">{t.formHeading}</h2>
          {/* "Vraag dit aanbod aan" (/school?offer=<id>): the script names the offer here and fills the form in from it. */}
          <div id="asked-offer" class="card" hidden />
          <LeisureNote copy={copy} />
          <div id="request-errors" class="error-summary" tabindex={-1} role="alert" hidden />
          <form id="request-form" novalidate>
            <InputField name="title" label={t.what} hint={t.whatHint} required />
            <TextareaField name="description" label={t.description} hint={t.descriptionHint} />
            <CheckboxGroup name="grades" legend={copy.grades.legend} hint={copy.grades.hint} choices={gradeChoices(copy)} />
            {/* Instead of the grades for a requester that is not a school (issue #13), shown by the script. */}
            <LeisureAges copy={copy} />
            <div class="row">
              <InputField name="pupils.count" label={t.pupils} type="number" required />
              <InputField name="maxTravelKm" label={t.maxTravelKm} type="number" required value="15" />
              <InputField name="budgetPerPupil" label={t.budgetPerPupil} type="number" />
            </div>
            <CheckboxGroup name="disciplines" legend={t.disciplines} choices={disciplineChoices(context.lang)} />
            <SelectField name="language" label={t.language} choices={languageChoices(copy)} value={context.lang} />
            <div class="row">
              <InputField name="school.postcode" label={t.postcode} hint={t.postcodeHint} />
              <SelectField name="school.country" label={t.country} choices={countryChoices(copy)} value="BE" />
            </div>
            <button type="submit" class="primary">
              {t.submit}
            </button>
          </form>
        </section>
        <ListingsSection kind="requests" heading={t.listHeading} copy={copy} />
      </div>
    </PortalPage>
  );
}

/** A provider's choice between one mail per approved match and a daily digest (intake's mail-preference route). */
function MailPreferenceSection(props: { copy: PortalCopy }) {
  const t = props.copy.provider;
  const Option = (option: { id: string; value: string; label: string }) => (
    <span class="option">
      <input type="radio" id={option.id} name="mailPreference" value={option.value} /> <label for={option.id}>{option.label}</label>
    </span>
  );
  return (
    <section aria-labelledby="h-mail-preference">
      <h2 id="h-mail-preference">{t.mailHeading}</h2>
      <form id="mail-preference-form">
        <fieldset class="field">
          <legend>{t.mailLegend}</legend>
          <Option id="mp-each" value="each" label={t.mailEach} /> <Option id="mp-daily-digest" value="daily_digest" label={t.mailDigest} />
        </fieldset>
        <button type="submit">{t.mailSave}</button>
      </form>
      <StatusLine id="mail-preference-status" />
    </section>
  );
}

export function ProviderPage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.provider;
  const { InputField, TextareaField, SelectField, CheckboxGroup } = fieldsFor(copy);
  return (
    <PortalPage context={context} page="provider" current="/aanbieder" title={t.title}>
      <h1>{t.title}</h1>
      <p id="who" class="muted" />
      <SignedOut copy={copy} />
      <div id="signed-in">
        <SuggestionsSection copy={copy} />
        <section aria-labelledby="h-offer-form">
          <h2 id="h-offer-form">{t.formHeading}</h2>
          <div id="offer-errors" class="error-summary" tabindex={-1} role="alert" hidden />
          <form id="offer-form" novalidate>
            <InputField name="title" label={t.offerTitle} required />
            <TextareaField name="description" label={t.description} hint={t.descriptionHint} />
            <CheckboxGroup name="disciplines" legend={t.disciplines} hint={t.disciplinesHint} choices={disciplineChoices(context.lang)} />
            <SelectField name="format" label={t.format} choices={formatChoices(context.lang)} placeholder={t.formatPlaceholder} />
            <CheckboxGroup name="grades" legend={copy.grades.legend} hint={copy.grades.hint} choices={gradeChoices(copy)} />
            <div class="row">
              <InputField name="location.postcode" label={t.postcode} required hint={t.postcodeHint} />
              <SelectField name="location.country" label={t.country} choices={countryChoices(copy)} value="BE" />
            </div>
            <div class="row">
              <SelectField name="reach.mode" label={t.reachMode} choices={reachChoices(copy)} value="both" />
              <InputField name="reach.maxTravelKm" label={t.reachKm} type="number" required value="0" />
            </div>
            <div class="row">
              <InputField name="groupSize.min" label={t.groupMin} type="number" required />
              <InputField name="groupSize.max" label={t.groupMax} type="number" required />
              <InputField name="pricePerPupil" label={t.price} type="number" required />
            </div>
            <SelectField name="language" label={t.language} choices={languageChoices(copy)} value={context.lang} />
            <button type="submit" class="primary">
              {t.submit}
            </button>
          </form>
        </section>
        <OfferImportSection copy={copy} intakeUrl={context.intakeUrl} />
        <ListingsSection kind="offers" heading={t.listHeading} copy={copy} />
        <DemandSection copy={copy} />
        <MailPreferenceSection copy={copy} />
      </div>
    </PortalPage>
  );
}
