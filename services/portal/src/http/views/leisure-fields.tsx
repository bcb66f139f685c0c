import type { PortalCopy } from '../../copy';
import { fieldsFor } from './form-fields';

/**
 * The request form's parts for requesters that are not schools (issue #13, see
 * leisure/wording.ts): they ask by ages for a group in its free time, not by grades for a
 * class. Served hidden: the page has the school's words, and the script shows these (and
 * hides the grades) once it knows the organisation asks for leisure time.
 */

/** The ages of the group, both required when shown. */
export function LeisureAges(props: { copy: PortalCopy }) {
  const t = props.copy.signUp.leisure;
  const { InputField } = fieldsFor(props.copy);
  return (
    <fieldset id="leisure-ages" class="field" aria-describedby="leisure-ages-hint" hidden>
      <legend>{t.agesLegend}</legend>
      <p class="hint" id="leisure-ages-hint">
        {t.agesHint}
      </p>
      <div class="row">
        <InputField name="pupils.ageMin" label={t.ageMin} type="number" required />
        <InputField name="pupils.ageMax" label={t.ageMax} type="number" required />
      </div>
    </fieldset>
  );
}

/** What a leisure-time requester asks for, above the form. */
export function LeisureNote(props: { copy: PortalCopy }) {
  return (
    <p id="leisure-note" class="hint" hidden>
      {props.copy.signUp.leisure.note}
    </p>
  );
}
