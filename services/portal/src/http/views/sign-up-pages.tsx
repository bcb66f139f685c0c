import { copyFor, type PortalCopy } from '../../copy';
import { fieldIdOf, kindGroups, schoolLevelChoices } from '../../sign-up/form';
import { countryChoices, languageChoices } from './choices';
import { fieldsFor } from './form-fields';
import { type PageContext, PortalPage } from './layout';

/**
 * An organisation signs up itself (issue #13). `/registreren` is the form; the browser
 * script (client/sign-up.ts) checks it with intake's own schema as one types, posts it
 * to intake's `POST /sign-ups` and puts "almost done" in its place. The contact then
 * gets a link to `/registreren/bevestigen?token=…`, where opening the page changes
 * nothing (mail scanners open links): a button confirms. The fields are named by their
 * path in intake's body, so its errors lead back to them (sign-up/form.ts).
 */

/** "Nog geen account? Registreer uw organisatie", on the home and sign-in pages. */
export function SignUpInvitation(props: { copy: PortalCopy }) {
  const t = props.copy.signUp.invitation;
  return (
    <p>
      {t.text} <a href="/registreren">{t.link}</a>
    </p>
  );
}

/** The kind of organisation: one `<optgroup>` per partner group, in the page language; no brokers. */
function KindSelect(props: { context: PageContext; copy: PortalCopy }) {
  const t = props.copy.signUp.form;
  const id = fieldIdOf('type');
  return (
    <div class="field" data-field="type">
      <label for={id}>{t.type}</label>
      <select id={id} name="type" aria-describedby={`${id}-error`} aria-required="true">
        <option value="">{t.typePlaceholder}</option>
        {kindGroups(props.context.lang).map((group) => (
          <optgroup label={group.label} data-group={group.group}>
            {group.kinds.map(([kind, label]) => (
              <option value={kind}>{label}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <p class="field-error" id={`${id}-error`} hidden />
    </div>
  );
}

export function SignUpPage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.signUp.form;
  const { InputField, SelectField, CheckboxGroup } = fieldsFor(copy);
  // A postcode or a municipality: neither is marked optional on its own (the group's hint says so).
  const place = fieldsFor(copy, { markOptional: false });
  return (
    <PortalPage context={context} page="sign-up" current="/registreren" title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <noscript>
        <p class="warn">{t.needsScript}</p>
      </noscript>
      <div id="sign-up-errors" class="error-summary" tabindex={-1} role="alert" hidden />
      <form id="sign-up-form" novalidate>
        <fieldset>
          <legend>{t.organisationLegend}</legend>
          <KindSelect context={context} copy={copy} />
          <InputField name="name" label={t.name} required autocomplete="organization" />
          {/* Shown by the script for a school or a school board only; without it, visible with its hint. */}
          <CheckboxGroup name="schoolLevels" legend={t.schoolLevels} hint={t.schoolLevelsHint} choices={schoolLevelChoices(context.lang)} />
          <InputField name="memberOf" label={t.memberOf} hint={t.memberOfHint} />
        </fieldset>
        <fieldset aria-describedby="place-hint">
          <legend>{t.placeLegend}</legend>
          <p class="hint" id="place-hint">
            {t.placeHint}
          </p>
          <div class="row">
            <place.InputField name="place.postcode" label={copy.provider.postcode} autocomplete="postal-code" />
            <place.InputField name="place.municipality" label={t.municipality} autocomplete="address-level2" />
            <place.SelectField name="place.country" label={t.country} choices={countryChoices(copy)} value="BE" />
          </div>
        </fieldset>
        <fieldset aria-describedby="contact-hint">
          <legend>{t.contactLegend}</legend>
          <p class="hint" id="contact-hint">
            {t.contactHint}
          </p>
          <InputField name="contact.name" label={t.contactName} required autocomplete="name" />
          <InputField name="contact.email" label={t.email} type="email" required autocomplete="email" />
          <SelectField name="contact.language" label={t.language} choices={languageChoices(copy)} value={context.lang} />
        </fieldset>
        <button type="submit" class="primary">
          {t.submit}
        </button>
      </form>
      {/* The script puts "almost done" here in the form's place, and moves the focus to it. */}
      <div id="sign-up-done" class="ok" tabindex={-1} hidden />
    </PortalPage>
  );
}

export function ConfirmSignUpPage(context: PageContext) {
  const copy = copyFor(context.lang);
  const t = copy.signUp.confirm;
  return (
    <PortalPage context={context} page="confirm-sign-up" current="/registreren" title={t.title}>
      <h1>{t.title}</h1>
      <noscript>
        <p class="warn">{t.needsScript}</p>
      </noscript>
      {/* Shown by the script: opening the page confirms nothing, the button does. */}
      <div id="confirm-sign-up" hidden>
        <p>{t.intro}</p>
        <button type="button" id="confirm-button" class="primary">
          {t.button}
        </button>
      </div>
      <div id="confirm-status" class="status-line" role="status" aria-live="polite" tabindex={-1} />
    </PortalPage>
  );
}
