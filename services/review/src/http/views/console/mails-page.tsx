import type { ProposalDoc } from '../../../store/proposal-doc';
import type { Flash } from '../../console/flash';
import type { PageView } from '../page-view';
import { ConsolePage, FlashMessage, HeaderRow } from './console-page';

/** Per source topic: messages parked in its dead-letter topic, replayed, still waiting (admins only; null when the broker is away). */
export type DeadLetterRow = { topic: string; parked: number; replayed: number; waiting: number };

function DeadLetters(props: { view: PageView; rows: DeadLetterRow[] | null }) {
  const c = props.view.copy.mails.deadLetters;
  if (props.rows === null)
    return (
      <>
        <h2>{c.heading}</h2>
        <p>{c.unavailable}</p>
      </>
    );
  return (
    <>
      <h2>{c.heading}</h2>
      <p>{c.intro}</p>
      <table>
        <caption class="visually-hidden">{c.caption}</caption>
        <thead>
          <HeaderRow headings={c.columns} />
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <code>{r.topic}</code>
              </td>
              <td>{r.parked}</td>
              <td>{r.replayed}</td>
              <td>{r.waiting > 0 ? <strong>{r.waiting}</strong> : '0'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Mails the notifier gave up on, with a resend button each; for admins, the dead-letter topics below. */
export function FailedMailsPage(props: { view: PageView; items: ProposalDoc[]; flash?: Flash; deadLetters?: DeadLetterRow[] | null }) {
  const { view } = props;
  const c = view.copy.mails;
  const failed = props.items.flatMap((p) =>
    Object.values(p.mails ?? {})
      .filter((s) => s.status === 'failed')
      .map((s) => ({ p, s })),
  );
  return (
    <ConsolePage view={view} title={c.title} section="mails">
      <h1>{c.title}</h1>
      <FlashMessage copy={view.copy} flash={props.flash} />
      {failed.length ? (
        <table>
          <caption class="visually-hidden">{c.caption}</caption>
          <thead>
            <HeaderRow headings={c.columns} />
          </thead>
          <tbody>
            {failed.map(({ p, s }) => (
              <tr>
                <td>
                  <a href={`/console/proposals/${encodeURIComponent(p._id)}`}>
                    {p.match.request.title} × {p.match.offer.title}
                  </a>
                </td>
                <td>
                  {view.copy.sides[s.recipient]}
                  {s.to ? ` <${s.to}>` : null}
                </td>
                <td>{view.copy.mailKinds[s.kind]}</td>
                <td>
                  {s.reason ?? ''} ({c.attempts(String(s.attempts ?? '?'))})
                </td>
                <td>
                  <form method="post" action={`/console/proposals/${encodeURIComponent(p._id)}/mails/${s.recipient}/${s.kind}/resend`}>
                    <button type="submit">
                      {c.resend}
                      <span class="visually-hidden">{c.resendLabel(p.match.offer.title, s.recipient)}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{c.none}</p>
      )}
      {props.deadLetters === undefined ? null : <DeadLetters view={view} rows={props.deadLetters} />}
    </ConsolePage>
  );
}
