import type { Child } from 'hono/jsx';
import type { PortalCopy } from '../../copy';
import type { Choices } from './choices';

/**
 * Form fields the client's live validation understands: the wrapper carries
 * `data-field` (the body path), the error slot is `.field-error`, and hint and
 * error are tied to the control with aria-describedby. `data-keep-empty` (send
 * an empty text as "") and `data-multi` (checked boxes become one array) are read
 * by client/form-values.ts.
 */
const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

export interface InputProps {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'email';
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  value?: string;
  keepEmpty?: boolean;
}
export interface TextareaProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}
export interface SelectProps {
  name: string;
  label: string;
  choices: Choices;
  hint?: string;
  value?: string;
  placeholder?: string;
}
export interface CheckboxGroupProps {
  name: string;
  legend: string;
  choices: Choices;
  hint?: string;
  /** The values checked when the page is served (a search form filled in from its address). */
  checked?: readonly string[];
}

function describedByOf(id: string, hint: string | undefined): string {
  return [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
}

function Hint(props: { id: string; hint: string | undefined }) {
  return props.hint ? (
    <p class="hint" id={`${props.id}-hint`}>
      {props.hint}
    </p>
  ) : null;
}

/** The slot the script writes a field's error into (with the translated "Fout: " before it, see layout.tsx). */
function ErrorSlot(props: { id: string }) {
  return <p class="field-error" id={`${props.id}-error`} hidden />;
}

/**
 * The field components in the page's language. Their labels say which fields are
 * optional, unless `markOptional` is false (a search form, where every field is).
 */
export function fieldsFor(copy: PortalCopy, options: { markOptional?: boolean } = {}) {
  const markOptional = options.markOptional ?? true;
  function Label(props: { id: string; label: string; required: boolean | undefined }) {
    return (
      <label for={props.id}>
        {props.label}
        {props.required || !markOptional ? null : (
          <>
            {' '}
            <span class="muted">({copy.form.optional})</span>
          </>
        )}
      </label>
    );
  }

  function InputField(props: InputProps) {
    const id = idOf(props.name);
    const isNumber = props.type === 'number';
    return (
      <div class="field" data-field={props.name}>
        <Label id={id} label={props.label} required={props.required} />
        <Hint id={id} hint={props.hint} />
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          inputmode={isNumber ? 'decimal' : undefined}
          step={isNumber ? 'any' : undefined}
          aria-describedby={describedByOf(id, props.hint)}
          aria-required={props.required ? 'true' : undefined}
          value={props.value}
          data-keep-empty={props.keepEmpty ? '' : undefined}
          autocomplete={props.autocomplete}
        />
        <ErrorSlot id={id} />
      </div>
    );
  }

  function TextareaField(props: TextareaProps) {
    const id = idOf(props.name);
    return (
      <div class="field" data-field={props.name}>
        <Label id={id} label={props.label} required={props.required} />
        <Hint id={id} hint={props.hint} />
        <textarea id={id} name={props.name} rows={5} aria-describedby={describedByOf(id, props.hint)} data-keep-empty="" />
        <ErrorSlot id={id} />
      </div>
    );
  }

  function SelectField(props: SelectProps) {
    const id = idOf(props.name);
    const choices: Choices = [...(props.placeholder ? [['', props.placeholder] as [string, string]] : []), ...props.choices];
    return (
      <div class="field" data-field={props.name}>
        <label for={id}>{props.label}</label>
        <Hint id={id} hint={props.hint} />
        <select id={id} name={props.name} aria-describedby={describedByOf(id, props.hint)}>
          {choices.map(([value, label]) => (
            <option value={value} selected={value === props.value}>
              {label}
            </option>
          ))}
        </select>
        <ErrorSlot id={id} />
      </div>
    );
  }

  /** A group of checkboxes whose checked values become one array (`data-multi`). */
  function CheckboxGroup(props: CheckboxGroupProps) {
    const id = idOf(props.name);
    return (
      <fieldset class="field" data-field={props.name} aria-describedby={describedByOf(id, props.hint)}>
        <legend>{props.legend}</legend>
        <Hint id={id} hint={props.hint} />
        {props.choices.map(([value, label], i) => (
          <>
            <span class="option">
              <input
                type="checkbox"
                id={`${id}-${i}`}
                name={props.name}
                value={value}
                data-multi=""
                checked={props.checked?.includes(value) || undefined}
              />
              <label for={`${id}-${i}`}>{label}</label>
            </span>{' '}
          </>
        ))}
        <ErrorSlot id={id} />
      </fieldset>
    );
  }

  /**
   * One choice of a few, as radio buttons (the first value is the default). `children`
   * come after the group's error slot: a field that belongs to one of the choices.
   */
  function RadioGroup(props: { name: string; legend: string; choices: Choices; value: string; hint?: string; children?: Child }) {
    const id = idOf(props.name);
    return (
      <fieldset class="field" data-field={props.name} aria-describedby={describedByOf(id, props.hint)}>
        <legend>{props.legend}</legend>
        <Hint id={id} hint={props.hint} />
        {props.choices.map(([value, label], i) => (
          <>
            <span class="option">
              <input type="radio" id={`${id}-${i}`} name={props.name} value={value} checked={value === props.value || undefined} />
              <label for={`${id}-${i}`}>{label}</label>
            </span>{' '}
          </>
        ))}
        <ErrorSlot id={id} />
        {props.children}
      </fieldset>
    );
  }

  /** Yes/no filters, each its own checkbox sending `true` under its own name; one error slot for the group (`field`). */
  function FlagGroup(props: { field: string; legend: string; hint?: string; flags: { name: string; label: string; checked: boolean }[] }) {
    const id = idOf(props.field);
    return (
      <fieldset class="field" data-field={props.field} aria-describedby={describedByOf(id, props.hint)}>
        <legend>{props.legend}</legend>
        <Hint id={id} hint={props.hint} />
        {props.flags.map((flag) => (
          <>
            <span class="option">
              <input type="checkbox" id={idOf(flag.name)} name={flag.name} value="true" checked={flag.checked || undefined} />
              <label for={idOf(flag.name)}>{flag.label}</label>
            </span>{' '}
          </>
        ))}
        <ErrorSlot id={id} />
      </fieldset>
    );
  }

  return { InputField, TextareaField, SelectField, CheckboxGroup, RadioGroup, FlagGroup };
}
