import { FORMAT_LABELS, labelOf, type MailKind, type MatchSide } from '@koppel/contracts';
import { themeLabel } from '@koppel/matching';
import type { MailState, ProposalDoc } from '../../../store/proposal-doc';
import type { Flash } from '../../console/flash';
import { formatters, type PageView } from '../page-view';
import { ConsolePage, FlashMessage } from './console-page';
import { explanationView } from './explanation';
import { actionLabel, actorLabel, disciplineLabel, pct, regionLabel, statusLabel } from './labels';

function MailLine(props: { view: PageView; proposal: ProposalDoc; recipient: MatchSide; kind: MailKind; state: MailState }) {
  const { view, recipient, kind, state } = props;
  const c = view.copy.proposal;
  return (
    <li>
      {c.mailLine(view.copy.mailKinds[kind], recipient)}
      {state.to ? ` <${state.to}>` : null}: <strong>{view.copy.mailStatuses[state.status]}</strong>
      {state.reason ? (
        <>
          {' '}
          <span class="muted">({state.reason})</span>
        </>
      ) : null}{' '}
      {state.status === 'failed' ? (
        <form
          class="inline"
          method="post"
          action={`/console/proposals/${encodeURIComponent(props.proposal._id)}/mails/${recipient}/${kind}/resend`}
        >
          <button type="submit">
            {c.resend}
            <span class="visually-hidden">{c.resendTo(recipient)}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}

function Answers(props: { view: PageView; proposal: ProposalDoc }) {
  const { view } = props;
  const c = view.copy.proposal;
  return (
    <ul>
      {(['school', 'provider'] as const).map((side) => {
        const a = props.proposal.answers?.[side];
        return (
          <li>
            {view.copy.sides[side]}:{' '}
            {a ? (
              <>
                <strong>{c.answer[a.answer]}</strong>
                {a.reason ? ` — “${a.reason}”` : null}
              </>
            ) : (
              <span class="muted">{c.noAnswer}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Decide(props: { view: PageView; proposal: ProposalDoc }) {
  const c = props.view.copy.proposal;
  const id = encodeURIComponent(props.proposal._id);
  return (
    <section aria-labelledby="h-decide">
      <h2 id="h-decide">{c.decide}</h2>
      <form method="post" action={`/console/proposals/${id}/note`}>
        <p>
          <label for="note">{c.note}</label>
          <br />
          <textarea id="note" name="note" rows={2} cols={60} maxlength={2000}>
            {props.proposal.note ?? ''}
          </textarea>
          <br />
          <button type="submit">{c.saveNote}</button>
        </p>
      </form>
      <form class="inline" method="post" action={`/console/proposals/${id}/approve`}>
        <button class="approve" type="submit">
          {c.approve}
        </button>
      </form>
      <form method="post" action={`/console/proposals/${id}/reject`}>
        <p>
          <label for="reason">{c.rejectReason}</label>
          <br />
          <input id="reason" name="note" required maxlength={2000} size={50} />{' '}
          <button class="reject" type="submit">
            {c.reject}
          </button>
        </p>
      </form>
    </section>
  );
}

/** A side of the match: its organisation's name; proposals from before issue #11 also carry the contact address. */
function partyLine(party: { name: string; email?: string }): string {
  return party.email ? `${party.name} <${party.email}>` : party.name;
}

function Facts(props: { rows: [string, string][] }) {
  return (
    <dl class="facts">
      {props.rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** One match: request and offer side by side, why it fits, other candidates, answers, mails, history, decisions. */
export function ProposalPage(props: { view: PageView; proposal: ProposalDoc; others: ProposalDoc[]; flash?: Flash }) {
  const { view, proposal: p } = props;
  const c = view.copy.proposal;
  const f = c.fields;
  const format = formatters(view.copy);
  const m = p.match;
  const e = explanationView(m, view.lang);
  const disciplines = (codes: string[]) => codes.map((d) => disciplineLabel(view, d)).join(', ') || '—';
  const mails = (['school', 'provider'] as const).flatMap((recipient) =>
    (['approved', 'confirmed'] as const).flatMap((kind) => {
      const state = p.mails?.[`${recipient}_${kind}`];
      return state ? [{ recipient, kind, state }] : [];
    }),
  );
  const formatName = labelOf(FORMAT_LABELS, m.offer.format, view.lang).toLowerCase();
  const why: [string, string][] = [
    ...(e.ages ? ([[c.whyFields.ages, e.ages]] as [string, string][]) : []),
    ...(e.distance ? ([[c.whyFields.distance, e.distance]] as [string, string][]) : []),
    [c.whyFields.discipline, disciplines(e.disciplines)],
    [c.whyFields.themes, e.themes.map((t) => themeLabel(t, view.lang)).join(', ') || '—'],
    [c.whyFields.terms, e.terms.join(', ') || '—'],
    ...(e.overBudget ? ([[c.whyFields.attention, c.overBudget]] as [string, string][]) : []),
  ];
  return (
    <ConsolePage view={view} title={`${m.request.title} × ${m.offer.title}`} section="queue">
      <p>
        <a href="/console">{c.back}</a>
      </p>
      <h1>
        {m.request.title} × {m.offer.title}
      </h1>
      <FlashMessage copy={view.copy} flash={props.flash} />
      <p>
        <span class="status" data-testid="status">
          {statusLabel(view.copy, p.status)}
        </span>{' '}
        · {c.score} <strong class="score">{pct(p.score)}</strong> · {c.region} {regionLabel(view.copy, p.region)}
        {p.decidedBy ? ` · ${c.by(p.decidedBy)}` : null}
      </p>
      <div class="side-by-side">
        <section class="card" aria-labelledby="h-request">
          <h2 id="h-request">{c.request}</h2>
          <Facts
            rows={[
              [f.title, m.request.title],
              [f.school, partyLine(m.school)],
              [f.place, `${m.request.postcode} ${m.request.municipality}`],
              [f.pupils, c.pupils(m.request.pupils, m.request.ageMin, m.request.ageMax)],
              [f.disciplines, disciplines(m.request.disciplines)],
            ]}
          />
        </section>
        <section class="card" aria-labelledby="h-offer">
          <h2 id="h-offer">{c.offer}</h2>
          <Facts
            rows={[
              [f.title, m.offer.title],
              [f.provider, partyLine(m.provider)],
              [f.place, m.offer.municipality],
              [f.format, c.price(formatName, format.euro(m.offer.pricePerPupil))],
              [f.disciplines, disciplines(m.offer.disciplines)],
            ]}
          />
        </section>
      </div>
      <section aria-labelledby="h-why">
        <h2 id="h-why">{c.why}</h2>
        {m.askedFor ? (
          <p>
            <strong>{c.askedFor}</strong>
          </p>
        ) : null}
        <p>{e.sentence}</p>
        <Facts rows={why} />
      </section>
      {p.status === 'proposed' ? <Decide view={view} proposal={p} /> : null}
      <section aria-labelledby="h-answers">
        <h2 id="h-answers">{c.answers}</h2>
        <Answers view={view} proposal={p} />
      </section>
      {mails.length ? (
        <section aria-labelledby="h-mails">
          <h2 id="h-mails">{c.mails}</h2>
          <ul>
            {mails.map((mail) => (
              <MailLine view={view} proposal={p} {...mail} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="h-others">
        <h2 id="h-others">{c.others}</h2>
        {props.others.length ? (
          <ul>
            {props.others.map((o) => (
              <li>
                <a href={`/console/proposals/${encodeURIComponent(o._id)}`}>{o.match.offer.title}</a> ({o.match.provider.name}) —{' '}
                {pct(o.score)}, {statusLabel(view.copy, o.status)}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{c.noOthers}</p>
        )}
      </section>
      <section aria-labelledby="h-history">
        <h2 id="h-history">{c.history}</h2>
        <ol>
          {(p.history ?? []).map((h) => (
            <li>
              <time datetime={new Date(h.at).toISOString()}>{format.dateTime(h.at)}</time>: {actionLabel(view.copy, h.action)}{' '}
              {c.by(actorLabel(view.copy, h.by))}
              {h.note ? ` — “${h.note}”` : null}
            </li>
          ))}
        </ol>
      </section>
    </ConsolePage>
  );
}
