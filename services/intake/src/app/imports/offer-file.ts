import { type CsvRecord, type CsvSeparator, parseCsv, stripBom } from './csv';
import { columnNamed, LIST_SEPARATOR, type OfferColumn } from './offer-columns';

/**
 * An uploaded file of offers read into rows: CSV (one row per offer under a header
 * row, `OFFER_COLUMNS`) or JSON Lines (one offer body per line, the batch contract's
 * format). Pure: each row becomes the offer body it spells (not yet checked against
 * the schema) and the problems found reading it, with the line of the file it starts on.
 */

export type ImportFormat = 'csv' | 'jsonl';

/** At most this many offers per import: a larger file is refused as a whole (split it). */
export const MAX_IMPORT_ROWS = 5000;
/** At most this many bytes per import. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * One problem of an import: the line of the file (1-based; a CSV row's first line), the
 * field as a dot path of the offer body (`audience.ageMin`; `(row)` for the row as a
 * whole, `(header)` for the header row, `(file)` for the file), why, and for CSV the column.
 */
export interface ImportError {
  line: number;
  field: string;
  message: string;
  column?: string;
  /** The row's own id for the offer, when it has one. */
  id?: string;
}

/** A row read from the file: the offer body it spells, and what could not be read. */
export interface ImportRecord {
  line: number;
  value?: Record<string, unknown>;
  errors: ImportError[];
}

export type OfferFile =
  | { kind: 'rows'; format: ImportFormat; rows: ImportRecord[]; separator?: CsvSeparator }
  /** Nothing can be read row by row: the file is empty, or its header is wrong. */
  | { kind: 'unreadable'; errors: ImportError[] }
  | { kind: 'too-many-rows'; limit: number };

const NOT_UTF8 = 'holds bytes that are not UTF-8: save the file as UTF-8 (in Excel: "CSV UTF-8")';

export function readOfferFile(text: string, format: ImportFormat, maxRows = MAX_IMPORT_ROWS): OfferFile {
  return format === 'csv' ? readCsv(text, maxRows) : readJsonLines(text, maxRows);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets `value` at a dot path, making the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(at[key])) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

const YES = new Set(['yes', 'y', 'ja', 'j', 'oui', 'true', 'waar', 'vrai', '1', 'x']);
const NO = new Set(['no', 'n', 'nee', 'non', 'false', 'onwaar', 'faux', '0']);
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

const cased = (column: OfferColumn, code: string) =>
  column.case === 'upper' ? code.toUpperCase() : column.case === 'lower' ? code.toLowerCase() : code;
const listOf = (text: string) =>
  text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The value of a non-empty cell, or why it cannot be one; the schema checks it afterwards. */
function cellValue(column: OfferColumn, text: string): { value: unknown } | { error: string } {
  switch (column.type) {
    case 'text':
      return { value: text };
    case 'code':
      return { value: cased(column, text) };
    case 'codes':
      return { value: listOf(text).map((code) => cased(column, code)) };
    case 'list':
      return { value: listOf(text) };
    case 'number':
    case 'integer':
      return NUMBER.test(text)
        ? { value: Number(text.replace(',', '.')) }
        : { error: `must be a ${column.type === 'integer' ? 'whole number' : 'number (like 4.5 or 4,5)'}, not '${text.slice(0, 40)}'` };
    case 'yes-no': {
      const word = text.toLowerCase();
      if (YES.has(word)) return { value: true };
      if (NO.has(word)) return { value: false };
      return { error: `must be yes or no (or ja/nee, oui/non, true/false, 1/0), not '${text.slice(0, 40)}'` };
    }
    case 'periods': {
      const periods: Array<{ from: string; to: string }> = [];
      for (const period of listOf(text)) {
        const parts = period.split('/').map((s) => s.trim());
        if (parts.length > 2) return { error: `'${period.slice(0, 40)}' is not a period: write from/to, like 2027-01-10/2027-03-31` };
        periods.push({ from: parts[0], to: parts[1] ?? parts[0] });
      }
      return { value: periods };
    }
  }
}

function readCsv(text: string, maxRows: number): OfferFile {
  const parsed = parseCsv(text, { maxRecords: maxRows + 1 });
  if (parsed.tooMany) return { kind: 'too-many-rows', limit: maxRows };
  const nonEmpty = parsed.records.filter((r) => r.problem || r.cells.some((c) => c.trim() !== ''));
  const [header, ...records] = nonEmpty;
  if (!header)
    return {
      kind: 'unreadable',
      errors: [{ line: 1, field: '(file)', message: 'the file is empty: it needs a header row and a row per offer' }],
    };
  const { columns, errors } = headerColumns(header);
  if (errors.length) return { kind: 'unreadable', errors };
  if (records.length === 0)
    return {
      kind: 'unreadable',
      errors: [{ line: header.line, field: '(file)', message: 'the file has a header row but no offers under it' }],
    };
  return { kind: 'rows', format: 'csv', separator: parsed.separator, rows: records.map((r) => csvRow(r, columns)) };
}

/** The column of each header cell (undefined for an empty one), or what is wrong with the header. */
function headerColumns(header: CsvRecord): { columns: Array<OfferColumn | undefined>; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const line = header.line;
  if (header.problem) errors.push({ line, field: '(header)', message: header.problem });
  const seen = new Set<string>();
  const columns = header.cells.map((cell) => {
    const name = cell.trim();
    if (name === '') return undefined;
    const column = columnNamed(name);
    if (!column) {
      errors.push({
        line,
        field: '(header)',
        column: name.slice(0, 100),
        message: `unknown column '${name.slice(0, 100)}' (the columns are listed at GET /offers/imports/columns)`,
      });
      return undefined;
    }
    if (seen.has(column.name))
      errors.push({ line, field: '(header)', column: column.name, message: `the column '${column.name}' appears twice` });
    seen.add(column.name);
    return column;
  });
  if (!seen.has('id'))
    errors.push({
      line,
      field: '(header)',
      column: 'id',
      message: "the column 'id' is missing: each row needs your own id for the offer, so that importing again updates it",
    });
  return { columns, errors };
}

function csvRow(record: CsvRecord, columns: Array<OfferColumn | undefined>): ImportRecord {
  const { line, cells } = record;
  const errors: ImportError[] = [];
  if (record.problem) errors.push({ line, field: '(row)', message: record.problem });
  const value: Record<string, unknown> = {};
  let stray = false;
  cells.forEach((cell, index) => {
    const text = cell.trim();
    const column = columns[index];
    if (!column) {
      if (text !== '') stray = true;
      return;
    }
    if (text === '') return;
    if (text.includes('\uFFFD')) {
      errors.push({ line, field: column.field, column: column.name, message: NOT_UTF8 });
      return;
    }
    const read = cellValue(column, text);
    if ('error' in read) errors.push({ line, field: column.field, column: column.name, message: read.error });
    else setPath(value, column.field, read.value);
  });
  if (stray)
    errors.push({
      line,
      field: '(row)',
      message:
        cells.length > columns.length
          ? `has ${cells.length} fields where the header has ${columns.length} (a value holding the separator needs quotes)`
          : 'has a value in a column without a name',
    });
  // An empty description is a description: the column may be left empty, or out.
  if (value.description === undefined && !errors.some((e) => e.field === 'description')) value.description = '';
  return { line, value, errors };
}

function readJsonLines(text: string, maxRows: number): OfferFile {
  const lines = stripBom(text).split(/\r\n|\n|\r/);
  const rows: ImportRecord[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    const line = index + 1;
    if (raw.trim() === '') continue;
    if (rows.length === maxRows) return { kind: 'too-many-rows', limit: maxRows };
    if (raw.includes('\uFFFD')) {
      rows.push({ line, errors: [{ line, field: '(row)', message: NOT_UTF8 }] });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      rows.push({ line, errors: [{ line, field: '(row)', message: `not valid JSON (${(error as Error).message.slice(0, 200)})` }] });
      continue;
    }
    if (!isObject(value)) {
      rows.push({ line, errors: [{ line, field: '(row)', message: 'must be a JSON object: one offer per line' }] });
      continue;
    }
    rows.push({ line, value, errors: [] });
  }
  if (rows.length === 0) return { kind: 'unreadable', errors: [{ line: 1, field: '(file)', message: 'the file holds no offers' }] };
  return { kind: 'rows', format: 'jsonl', rows };
}
