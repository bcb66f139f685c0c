import { type OrganisationType, PARTNER_KINDS, SCHOOL_LEVEL_LABELS, type SchoolLevel } from '@koppel/contracts';
import type { ReasonProblem } from '../../../app/sign-ups/decide-sign-up';
import type { SignUpDoc } from '../../../store/sign-ups';
import type { Flash } from '../../console/flash';
import { formatters, type PageView } from '../page-view';
import { ConsolePage, FlashMessage, HeaderRow } from './console-page';
import { regionLabel } from './labels';

/** A rejection that could not be sent: which sign-up, what was wrong with the reason, and what was typed (shown again). */
export interface SignUpFormError {
  organisationId: string;
  problem: ReasonProblem;
  reason?: string;
}

export interface SignUpsPageInput {
  /** Waiting for a decision, longest waiting first. */
  waiting: SignUpDoc[];
  /** The latest decisions, latest first. */
  decided: SignUpDoc[];
  /** Brokers are told they see their own regions only. */
  scopedToBroker: boolean;
  flash?: Flash;
  error?: SignUpFormError;
}

/** The kind of organisation in the reader's language; a kind from newer data shows as it is. */
function kindLabel(view: PageView, type: string): string {
  return PARTNER_KINDS[type as OrganisationType]?.labels[view.lang] ?? type;
}

function levelsOf(view: PageView, levels: readonly string[]): string {
  return levels.map((level) => SCHOOL_LEVEL_LABELS[view.lang][level as SchoolLevel] ?? level).join(', ') || '—';
}

function Place(props: { view: PageView; signUp: SignUpDoc }) {
  const s = props.signUp;
  return (
    <>
      {s.postcode} {s.municipality} ({s.country})
      <br />
      <span class="muted">{regionLabel(props.view.copy, s.region)}</span>
    </>
  );
}

function Organisation(props: { signUp: SignUpDoc }) {
  return (
    <>
      <strong>{props.signUp.name}</strong>
      <br />
      <span class="muted">{props.signUp._id}</span>
    </>
  );
}

/** The organisations this one may duplicate, flagged, each with its name and why; or that none was found. */
function Duplicates(props: { view: PageView; signUp: SignUpDoc }) {
  const c = props.view.copy.signUps;
  const duplicates = props.signUp.duplicates ?? [];
  if (duplicates.length === 0) return <span class="muted">{c.noDuplicates}</span>;
  return (
    <div class="warn" data-duplicates={String(duplicates.length)}>
      <strong>{c.possibleDuplicate}</strong>
      <ul>
        {duplicates.map((d) => (
          <li>
            {c.duplicateOf(d.name, d.organisationId)}: {(c.why as Record<string, string>)[d.why] ?? d.why}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Approve, or reject with a reason (required; its error shown with the field when a post came without one). */
function Decide(props: { view: PageView; signUp: SignUpDoc; index: number; error?: SignUpFormError }) {
  const c = props.view.copy.signUps;
  const s = props.signUp;
  const id = encodeURIComponent(s._id);
  const field = `reason-${props.index}`;
  const error = props.error?.organisationId === s._id ? props.error : undefined;
  return (
    <>
      <form class="inline" method="post" action={`/console/sign-ups/${id}/approve`}>
        <button class="approve" type="submit">
          {c.approve}
          <span class="visually-hidden">{c.about(s.name)}</span>
        </button>
      </form>
      <form method="post" action={`/console/sign-ups/${id}/reject`}>
        <div class={error ? 'field has-error' : 'field'}>
          <label for={field}>
            {c.reason}
            <span class="visually-hidden">{c.about(s.name)}</span>
          </label>
          <p class="hint" id={`${field}-hint`}>
            {c.reasonHint}
          </p>
          {error ? (
            <p class="field-error" id={`${field}-error`}>
              {c.reasonProblems[error.problem]}
            </p>
          ) : null}
          <textarea
            id={field}
            name="reason"
            rows={3}
            cols={30}
            required
            maxlength={2000}
            aria-describedby={error ? `${field}-error ${field}-hint` : `${field}-hint`}
            aria-invalid={error ? 'true' : undefined}
          >
            {error?.reason ?? ''}
          </textarea>
        </div>
        <button class="reject" type="submit">
          {c.reject}
          <span class="visually-hidden">{c.about(s.name)}</span>
        </button>
      </form>
    </>
  );
}

/** What went wrong with the last post, at the top, linking to the field (the field says it again). */
function ErrorSummary(props: { view: PageView; waiting: SignUpDoc[]; error: SignUpFormError }) {
  const c = props.view.copy.signUps;
  const index = props.waiting.findIndex((s) => s._id === props.error.organisationId);
  const name = props.waiting[index]?.name ?? props.error.organisationId;
  return (
    <div class="error-summary" role="alert">
      <h2>{c.errorHeading}</h2>
      <ul>
        <li>
          {index >= 0 ? (
            <a href={`#reason-${index}`}>
              {name}: {c.reasonProblems[props.error.problem]}
            </a>
          ) : (
            `${name}: ${c.reasonProblems[props.error.problem]}`
          )}
        </li>
      </ul>
    </div>
  );
}

/**
 * Organisations that signed up themselves (issue #13): those waiting for a broker,
 * with what they may duplicate and a form to approve or reject each, and the latest
 * decisions below with who made them and why.
 */
export function SignUpsPage(props: { view: PageView } & SignUpsPageInput) {
  const { view } = props;
  const c = view.copy.signUps;
  const format = formatters(view.copy);
  return (
    <ConsolePage view={view} title={c.title} section="sign-ups">
      <h1>{c.heading}</h1>
      {props.error ? <ErrorSummary view={view} waiting={props.waiting} error={props.error} /> : null}
      <FlashMessage copy={view.copy} flash={props.flash} />
      <p>{c.intro}</p>
      {props.scopedToBroker ? <p>{c.brokerScope}</p> : null}
      <h2>{c.waitingHeading}</h2>
      {props.waiting.length ? (
        <table>
          <caption class="visually-hidden">{c.waitingCaption}</caption>
          <thead>
            <HeaderRow headings={c.columns} />
          </thead>
          <tbody>
            {props.waiting.map((s, index) => (
              <tr data-organisation-id={s._id}>
                <td>
                  <Organisation signUp={s} />
                </td>
                <td>{kindLabel(view, s.type)}</td>
                <td>
                  <Place view={view} signUp={s} />
                </td>
                <td>{levelsOf(view, s.schoolLevels ?? [])}</td>
                <td>{(s.memberOf ?? []).join(', ') || '—'}</td>
                <td>
                  <time datetime={new Date(s.confirmedAt).toISOString()}>{format.dateTime(s.confirmedAt)}</time>
                </td>
                <td>
                  <Duplicates view={view} signUp={s} />
                </td>
                <td>
                  <Decide view={view} signUp={s} index={index} error={props.error} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{c.none}</p>
      )}
      <h2>{c.decidedHeading}</h2>
      {props.decided.length ? (
        <table>
          <caption class="visually-hidden">{c.decidedCaption}</caption>
          <thead>
            <HeaderRow headings={c.decidedColumns} />
          </thead>
          <tbody>
            {props.decided.map((s) => (
              <tr data-organisation-id={s._id} data-status={s.status}>
                <td>
                  <Organisation signUp={s} />
                </td>
                <td>{kindLabel(view, s.type)}</td>
                <td>
                  <Place view={view} signUp={s} />
                </td>
                <td>
                  <span class="status">{(c.decisions as Record<string, string>)[s.status] ?? s.status}</span>
                </td>
                <td>
                  {s.decidedBy ?? '—'}
                  {s.decidedAt ? (
                    <>
                      <br />
                      <time datetime={new Date(s.decidedAt).toISOString()}>{format.dateTime(s.decidedAt)}</time>
                    </>
                  ) : null}
                </td>
                <td>{s.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{c.decidedNone}</p>
      )}
    </ConsolePage>
  );
}
