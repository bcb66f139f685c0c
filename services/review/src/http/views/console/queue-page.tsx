import { DISCIPLINES } from '@koppel/contracts';
import { describeStoredExplanation } from '@koppel/matching';
import type { Child } from 'hono/jsx';
import type { RegionName } from '../../../app/regions/province-of-postcode';
import type { ProposalDoc } from '../../../store/proposal-doc';
import type { Flash } from '../../console/flash';
import type { QueueQuery } from '../../console/queue-query';
import type { PageView } from '../page-view';
import { ConsolePage, FlashMessage } from './console-page';
import { disciplineLabel, pct, regionLabel, statusLabel } from './labels';

/** A select's options: "all" (no value) first, then each value by its label, the chosen one selected. */
function Options(props: { values: readonly string[]; selected: string | undefined; label: (v: string) => string; empty: string }) {
  return (
    <>
      <option value="">{props.empty}</option>
      {props.values.map((v) => (
        <option value={v} selected={v === props.selected}>
          {props.label(v)}
        </option>
      ))}
    </>
  );
}

/** A select's options from value → label, the chosen one selected. */
function Choices(props: { entries: Record<string, string>; selected: string }) {
  return (
    <>
      {Object.entries(props.entries).map(([v, l]) => (
        <option value={v} selected={v === props.selected}>
          {l}
        </option>
      ))}
    </>
  );
}

/** One filter: its label, then the control. */
function Field(props: { id: string; label: string; children: Child }) {
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      {props.children}
    </p>
  );
}

export function queueUrl(query: Partial<QueueQuery>, overrides: Partial<QueueQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged))
    if (v !== undefined && v !== '' && !(k === 'offset' && v === 0) && !(k === 'sort' && v === 'score')) params.set(k, String(v));
  const qs = params.toString();
  return `/console${qs ? `?${qs}` : ''}`;
}

export interface QueuePageInput {
  items: ProposalDoc[];
  total: number;
  query: QueueQuery;
  limit: number;
  regions: readonly RegionName[];
  flash?: Flash;
}

/** The broker's queue: filters, sort, search, pages; approve, reject or approve several at once. */
export function QueuePage(props: { view: PageView } & QueuePageInput) {
  const { view } = props;
  const c = view.copy.queue;
  const q = props.query;
  const pageEnd = Math.min(q.offset + props.limit, props.total);
  const bulk = props.items.some((p) => p.status === 'proposed');
  return (
    <ConsolePage view={view} title={c.title} section="queue">
      <h1>{c.heading}</h1>
      <FlashMessage copy={view.copy} flash={props.flash} />
      {/* biome-ignore lint/a11y/useSemanticElements: the form is the search landmark, as before; <search> is too new for some screen readers. */}
      <form method="get" action="/console" role="search" aria-label={c.filterForm}>
        <fieldset>
          <legend>{c.filterLegend}</legend>
          <div class="filters">
            <Field id="f-q" label={c.search}>
              <input id="f-q" name="q" type="search" value={q.q ?? ''} maxlength={100} />
            </Field>
            <Field id="f-status" label={c.status}>
              <select id="f-status" name="status">
                <Choices entries={{ ...view.copy.statuses, all: c.allStatuses }} selected={q.status} />
              </select>
            </Field>
            <Field id="f-region" label={c.region}>
              <select id="f-region" name="region">
                <Options values={props.regions} selected={q.region} label={(r) => regionLabel(view.copy, r)} empty={c.allRegions} />
              </select>
            </Field>
            <Field id="f-discipline" label={c.discipline}>
              <select id="f-discipline" name="discipline">
                <Options values={DISCIPLINES} selected={q.discipline} label={(d) => disciplineLabel(view, d)} empty={c.allDisciplines} />
              </select>
            </Field>
            <Field id="f-minscore" label={c.minScore}>
              <input id="f-minscore" name="minScore" type="number" min={0} max={100} value={q.minScore ?? ''} />
            </Field>
            <Field id="f-age" label={c.age}>
              <input id="f-age" name="age" type="number" min={0} max={120} value={q.age ?? ''} />
            </Field>
            <Field id="f-sort" label={c.sort}>
              <select id="f-sort" name="sort">
                <Choices entries={c.sorts} selected={q.sort} />
              </select>
            </Field>
            <p>
              <button type="submit">{c.apply}</button> <a href="/console">{c.clear}</a>
            </p>
          </div>
        </fieldset>
      </form>
      <p class="muted" aria-live="polite">
        {props.total === 0 ? c.none : c.range(q.offset + 1, pageEnd, props.total)}
      </p>
      {bulk ? (
        <form id="bulk" method="post" action="/console/bulk-approve">
          <p>
            <label for="bulk-note">{c.bulkNote}</label>
            <br />
            <input id="bulk-note" name="note" maxlength={2000} size={50} />{' '}
            <button class="approve" type="submit">
              {c.bulkApprove}
            </button>
          </p>
        </form>
      ) : null}
      <table>
        <caption class="visually-hidden">{c.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{c.columns.select}</span>
            </th>
            <th scope="col">{c.columns.request}</th>
            <th scope="col">{c.columns.offer}</th>
            <th scope="col">{c.columns.region}</th>
            <th scope="col">{c.columns.score}</th>
            <th scope="col">{c.columns.statusAndActions}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((p) => (
            <ProposalRow view={view} proposal={p} />
          ))}
        </tbody>
      </table>
      <nav aria-label={c.pagination}>
        {q.offset > 0 ? <a href={queueUrl(q, { offset: Math.max(0, q.offset - props.limit) })}>{c.previous}</a> : null}{' '}
        {pageEnd < props.total ? <a href={queueUrl(q, { offset: q.offset + props.limit })}>{c.next}</a> : null}
      </nav>
    </ConsolePage>
  );
}

function ProposalRow(props: { view: PageView; proposal: ProposalDoc }) {
  const { view, proposal: p } = props;
  const c = view.copy.queue;
  const m = p.match;
  const id = encodeURIComponent(p._id);
  const open = p.status === 'proposed';
  return (
    <tr data-match-id={p._id}>
      <td>
        {open ? (
          <>
            <input type="checkbox" name="ids" value={p._id} form="bulk" id={`sel-${id}`} />
            <label class="visually-hidden" for={`sel-${id}`}>
              {c.select(m.request.title, m.offer.title)}
            </label>
          </>
        ) : null}
      </td>
      <td>
        <strong>{m.request.title}</strong>
        <br />
        {m.school.name}, {m.request.municipality}
        <br />
        <span class="muted">{c.pupils(m.request.pupils, m.request.ageMin, m.request.ageMax)}</span>
      </td>
      <td>
        <strong>{m.offer.title}</strong>
        <br />
        {m.provider.name}, {m.offer.municipality}
        <br />
        <span class="muted">{describeStoredExplanation(m.explanation, m.summary, view.lang)}</span>
      </td>
      <td>{regionLabel(view.copy, p.region)}</td>
      <td class="score">{pct(p.score)}</td>
      <td>
        <span class="status">{statusLabel(view.copy, p.status)}</span>
        <br />
        <a href={`/console/proposals/${id}`}>
          {c.view}
          <span class="visually-hidden">
            : {m.request.title} × {m.offer.title}
          </span>
        </a>
        <br />
        {open ? (
          <form class="inline" method="post" action={`/console/proposals/${id}/approve`}>
            <button class="approve" type="submit" aria-label={c.approveLabel(m.offer.title, m.school.name)}>
              {c.approve}
            </button>
          </form>
        ) : p.decidedBy ? (
          <span class="muted">{c.by(p.decidedBy)}</span>
        ) : null}
      </td>
    </tr>
  );
}
