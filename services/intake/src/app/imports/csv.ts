/**
 * A small RFC 4180 reader for uploaded spreadsheets (no CSV library is in the
 * workspace; this one is pure and bounded). What spreadsheet programs write is read
 * as well: `;` as separator (Dutch and Belgian Excel), a UTF-8 byte order mark, CRLF,
 * LF or CR line ends, and line breaks, separators and doubled quotes inside quoted fields.
 */

/** The separators a file may use; `detectSeparator` picks one from its header line. */
export type CsvSeparator = ',' | ';';

/** One record: its fields, and the line of the file it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** Why the record is malformed (a quote left open, text after a closing quote); its cells are then best effort. */
  problem?: string;
}

export interface CsvParse {
  separator: CsvSeparator;
  /** The records in file order, blank lines left out. */
  records: CsvRecord[];
  /** More than `maxRecords` records: reading stopped there. */
  tooMany: boolean;
}

const BOM = '\uFEFF';
const QUOTE = '"';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * The separator of a file, from its first line (outside quotes): `;` when it holds
 * more semicolons than commas, else `,`. Header names hold neither, so the count of
 * either is the number of columns less one.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of stripBom(text)) {
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Line breaks within a quoted field, counted like the file's own (CRLF is one), and made `\n`. */
function normaliseBreaks(text: string): { text: string; breaks: number } {
  let breaks = 0;
  const normalised = text.replace(/\r\n|\r|\n/g, () => {
    breaks++;
    return '\n';
  });
  return { text: normalised, breaks };
}

/**
 * The records of a CSV text. Reading stops at a quoted field that is never closed
 * (the rest of the file would be inside it): that record carries the problem. A blank
 * line is no record. With `maxRecords`, reading stops after one record more than that.
 */
export function parseCsv(input: string, options: { separator?: CsvSeparator; maxRecords?: number } = {}): CsvParse {
  const text = stripBom(input);
  const separator = options.separator ?? detectSeparator(text);
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  /** The end of an unquoted run: the next separator or line break, or the end of the text. */
  const endOfField = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text[j];
      if (c === separator || c === '\n' || c === '\r') break;
      j++;
    }
    return j;
  };

  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let problem: string | undefined;
    let open = false;
    for (;;) {
      let field: string;
      if (text[i] === QUOTE) {
        const openedOn = line;
        let value = '';
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const q = text.indexOf(QUOTE, j);
          const chunk = normaliseBreaks(text.slice(j, q === -1 ? n : q));
          value += chunk.text;
          line += chunk.breaks;
          if (q === -1) {
            j = n;
            break;
          }
          if (text[q + 1] === QUOTE) {
            value += QUOTE;
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        i = j;
        if (!closed) {
          problem = `a quoted field opened on line ${openedOn} is never closed (a quote inside a quoted field is written "")`;
          cells.push(value);
          open = true;
          break;
        }
        const after = endOfField(i);
        // Spaces after the closing quote are dropped; other text there breaks the rule (kept, and said).
        if (after > i && text.slice(i, after).trim() !== '') {
          problem ??= 'text after the closing quote of a field (a quote inside a quoted field is written "")';
          value += text.slice(i, after);
        }
        i = after;
        field = value;
      } else {
        const end = endOfField(i);
        field = text.slice(i, end);
        i = end;
      }
      cells.push(field);
      if (i < n && text[i] === separator) {
        i++;
        if (i === n) cells.push('');
        if (i < n) continue;
      }
      if (text[i] === '\r') {
        i += text[i + 1] === '\n' ? 2 : 1;
        line++;
      } else if (text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    const blank = cells.length === 1 && cells[0] === '' && !problem;
    if (!blank) records.push({ line: start, cells, ...(problem ? { problem } : {}) });
    if (options.maxRecords !== undefined && records.length > options.maxRecords) return { separator, records, tooMany: true };
    if (open) break;
  }
  return { separator, records, tooMany: false };
}

/**
 * One CSV field (RFC 4180): quoted when it holds the separator, a quote or a line
 * break. For files koppel writes (the import template).
 */
export function csvField(value: string, separator: CsvSeparator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
