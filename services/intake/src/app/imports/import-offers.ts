import type { Offer, OfferInput } from '@koppel/contracts';
import type { StoredListing } from '../../store/models';
import { kindAccess } from '../listings/access';
import { createListing } from '../listings/create-listing';
import { type ListingDeps, organisationFor } from '../listings/kinds';
import { replaceListing } from '../listings/replace-listing';
import type { Principal } from '../principal';
import { type FieldError, type Forbidden, forbidden } from '../results';
import { columnOfField } from './offer-columns';
import type { ImportError, ImportFormat, ImportRecord } from './offer-file';

/**
 * Bulk import of offers (issue #13): the rows of an uploaded file, each checked with
 * the API's own schema and built as POST /offers would build it, then created or
 * replaced through the same use cases (create-listing, replace-listing), so every
 * write stores its event in the offer's outbox. Idempotent by the row's own id: a row
 * equal to the stored offer is left alone (no write, no event); a changed row replaces
 * it (offer.updated). Mode 'all' writes nothing while any row is wrong; 'valid-rows'
 * writes the rows that are right and reports the others.
 */

/** 'all': every row or none; 'valid-rows': the valid rows, the others reported. */
export type ImportMode = 'all' | 'valid-rows';

/** Reads one row's offer body with the API's schema (http/ supplies it: the checks of POST /offers' body). */
export type ReadOfferInput = (value: unknown) => { ok: true; input: OfferInput } | { ok: false; errors: FieldError[] };

/** A row after the schema: its body when valid, else every problem found. */
export interface CheckedRow {
  line: number;
  id?: string;
  input?: OfferInput;
  errors: ImportError[];
}

const ROW = '(row)';

/** The error of a field of a row; in a CSV file with the column it is about. */
function rowError(format: ImportFormat, line: number, id: string | undefined, field: string, message: string): ImportError {
  const column = format === 'csv' ? columnOfField(field) : undefined;
  return { line, field, message, ...(column ? { column } : {}), ...(id ? { id } : {}) };
}

/** Whether two field paths are the same field or one lies inside the other. */
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * Every row read with the schema (pure, given `read`): field paths and lines for each
 * problem; an id is required (it is what makes a second import an update) and may
 * appear once per file. A cell that could not be read is said once: the schema's
 * complaint about the same field (now missing) is left out.
 */
export function checkOfferRows(records: readonly ImportRecord[], format: ImportFormat, read: ReadOfferInput): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return records.map((record) => {
    const { line, value } = record;
    const id = typeof value?.id === 'string' && value.id.trim() !== '' ? value.id.trim() : undefined;
    const errors: ImportError[] = record.errors.map((e) => (id ? { ...e, id } : e));
    let input: OfferInput | undefined;
    if (value) {
      const result = read(value);
      if (result.ok) input = result.input;
      else
        for (const e of result.errors) {
          const field = e.path === '(body)' ? ROW : e.path;
          if (!record.errors.some((r) => overlaps(r.field, field))) errors.push(rowError(format, line, id, field, e.message));
        }
      if (id === undefined && !errors.some((e) => e.field === 'id'))
        errors.push(
          rowError(
            format,
            line,
            id,
            'id',
            'required: your own id for the offer, so that importing the file again updates it instead of adding it twice',
          ),
        );
    }
    if (id !== undefined) {
      const first = firstLineOf.get(id);
      if (first === undefined) firstLineOf.set(id, line);
      else errors.push(rowError(format, line, id, 'id', `the same id as on line ${first}: each offer once per file`));
    }
    return errors.length ? { line, id, errors } : { line, id, input, errors };
  });
}

/** JSON with sorted keys and without absent (undefined or null) fields: how two offers compare. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined && record[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether a stored offer already is what the row builds: importing it again changes nothing. */
export function sameOffer(stored: Offer, built: Offer): boolean {
  return canonical(stored) === canonical(built);
}

/** What a valid row does to the offer stored under its id. */
export type RowDecision = { action: 'create' } | { action: 'unchanged' } | { action: 'replace' } | { action: 'reject'; message: string };

/**
 * What importing an offer (as built from its row) does, given what is stored under its
 * id (pure): nothing there, create; another provider's offer, refused (the id is the
 * provider's own, and that one is taken); withdrawn, refused (a withdrawn offer never
 * changes again); the same offer, nothing; else replace.
 */
export function decideRow(built: Offer, existing: Pick<StoredListing<Offer>, 'data' | 'status' | 'ownerId'> | null): RowDecision {
  if (!existing) return { action: 'create' };
  const owner = existing.ownerId ?? existing.data.provider.id;
  if (owner !== built.provider.id) return { action: 'reject', message: "is the id of another organisation's offer: choose another id" };
  if (existing.status === 'withdrawn')
    return { action: 'reject', message: 'this offer was withdrawn and can no longer change: leave the row out, or give it a new id' };
  return sameOffer(existing.data, built) ? { action: 'unchanged' } : { action: 'replace' };
}

/** Whether an import may write, given what its rows would do (pure): 'all' only when every row is valid. */
export function mayWrite(mode: ImportMode, plans: readonly Pick<RowPlan, 'action'>[]): boolean {
  return mode === 'valid-rows' || plans.every((p) => p.action !== 'reject');
}

/** What a row will do, decided before anything is written. */
export type RowPlan =
  | { line: number; id: string; action: 'create'; input: OfferInput }
  | { line: number; id: string; action: 'replace'; input: OfferInput; current: StoredListing<Offer> }
  | { line: number; id: string; action: 'unchanged' }
  | { line: number; id?: string; action: 'reject'; errors: ImportError[] };

export type RowResult = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface RowOutcome {
  line: number;
  id?: string;
  result: RowResult;
}

export type ImportOutcome =
  | Forbidden
  /** Mode 'all' and some rows are wrong: nothing was written. */
  | { kind: 'refused'; rows: number; errors: ImportError[] }
  /**
   * Written: each row's result, and the problems of those rejected. `interrupted`: a
   * row lost a race with another change between the check and its write (it is
   * rejected; sending the file again finishes the import).
   */
  | { kind: 'imported'; mode: ImportMode; rows: RowOutcome[]; errors: ImportError[]; interrupted: boolean };

/** Reads and writes of one import run this many at a time. */
const CONCURRENCY = 8;

/** `work` over the items, at most `size` at a time, results in order; after a failure no new item starts. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

type OfferDeps = ListingDeps<Offer, OfferInput>;

/** A row's plan: built as POST /offers would build it (organisation, place, ages), then compared with what is stored. */
async function planRow(deps: OfferDeps, principal: Principal, format: ImportFormat, row: CheckedRow): Promise<RowPlan> {
  const { line, input } = row;
  if (!input || row.errors.length) return { line, id: row.id, action: 'reject', errors: row.errors };
  const id = input.id!;
  const reject = (errors: ImportError[]): RowPlan => ({ line, id, action: 'reject', errors });
  const built = deps.kind.fromInput(input, principal, await organisationFor(deps, principal, input), id);
  if (built.kind === 'forbidden') return reject([rowError(format, line, id, 'provider.id', built.detail)]);
  if (built.kind === 'invalid') return reject(built.errors.map((e) => rowError(format, line, id, e.path, e.message)));
  const existing = await deps.store.findById(id);
  const decision = decideRow(built.listing, existing);
  if (decision.action === 'reject') return reject([rowError(format, line, id, 'id', decision.message)]);
  if (decision.action === 'replace' && existing) return { line, id, action: 'replace', input, current: existing };
  if (decision.action === 'unchanged') return { line, id, action: 'unchanged' };
  return { line, id, action: 'create', input };
}

/** Carries out a row's plan through the listing use cases; a lost race rejects the row. */
async function carryOut(
  deps: OfferDeps,
  principal: Principal,
  format: ImportFormat,
  plan: RowPlan,
): Promise<{ outcome: RowOutcome; errors: ImportError[]; raced?: true }> {
  const { line, id } = plan;
  const rejected = (errors: ImportError[], raced?: true) => ({
    outcome: { line, id, result: 'rejected' as const },
    errors,
    ...(raced ? { raced } : {}),
  });
  switch (plan.action) {
    case 'reject':
      return rejected(plan.errors);
    case 'unchanged':
      return { outcome: { line, id, result: 'unchanged' }, errors: [] };
    case 'create': {
      const created = await createListing(deps, principal, plan.input, undefined);
      if (created.kind === 'created') return { outcome: { line, id, result: 'created' }, errors: [] };
      if (created.kind === 'invalid') return rejected(created.errors.map((e) => rowError(format, line, id, e.path, e.message)));
      if (created.kind === 'forbidden') return rejected([rowError(format, line, id, 'provider.id', created.detail)]);
      return rejected([rowError(format, line, id, 'id', 'an offer with this id was created while importing: send the file again')], true);
    }
    case 'replace': {
      const replaced = await replaceListing(deps, principal, plan.current, plan.input);
      if (replaced.kind === 'replaced') return { outcome: { line, id, result: 'updated' }, errors: [] };
      if (replaced.kind === 'invalid') return rejected(replaced.errors.map((e) => rowError(format, line, id, e.path, e.message)));
      if (replaced.kind === 'forbidden') return rejected([rowError(format, line, id, 'provider.id', replaced.detail)]);
      return rejected([rowError(format, line, id, 'id', 'the offer changed while importing: send the file again')], true);
    }
  }
}

/**
 * Imports checked rows for the principal: an admin for the providers the rows name, a
 * provider for its own organisation only (as POST /offers). First every row is built
 * and compared with what is stored (no writes); then, if the mode allows, the rows are
 * created or replaced. A database failure half-way throws (the caller answers 503);
 * what was written stays, and sending the same file again finishes the import.
 */
export async function importOffers(
  deps: OfferDeps,
  principal: Principal,
  rows: readonly CheckedRow[],
  format: ImportFormat,
  mode: ImportMode,
): Promise<ImportOutcome> {
  const denied = kindAccess(principal, 'offer', true);
  if (denied) return denied;
  if (principal.role === 'provider' && !(principal.org && (await deps.organisations.get(principal.org))))
    return forbidden('The organisation of this token does not exist (any more).');
  const plans = await inPool(rows, CONCURRENCY, (row) => planRow(deps, principal, format, row));
  if (!mayWrite(mode, plans))
    return { kind: 'refused', rows: plans.length, errors: plans.flatMap((p) => (p.action === 'reject' ? p.errors : [])) };
  const done = await inPool(plans, CONCURRENCY, (plan) => carryOut(deps, principal, format, plan));
  return {
    kind: 'imported',
    mode,
    rows: done.map((d) => d.outcome),
    errors: done.flatMap((d) => d.errors),
    interrupted: done.some((d) => d.raced),
  };
}
