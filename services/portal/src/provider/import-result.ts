import type { Language } from '@koppel/contracts';
import { z } from 'zod';
import type { PortalCopy } from '../copy';
import { problemText } from '../client/problem-text';
import { importMessage, readableFieldName } from './import-messages';

/**
 * An offer import on the provider page (issue #13), as pure functions: which media type
 * a chosen file is sent as, and intake's answer (`POST /offers/imports`) turned into
 * what the page shows: one sentence, and a row per problem (line, field, what is wrong).
 */

/** The media types intake takes for an import. */
export type ImportContentType = 'text/csv' | 'application/x-ndjson';

const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];
const JSON_LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];

/**
 * The media type to send a file as: by its extension (.csv, .jsonl, .ndjson) first, as
 * browsers guess types differently (Windows calls a .csv `application/vnd.ms-excel`),
 * else by the type the browser gives; undefined for anything else.
 */
export function importContentType(name: string, type = ''): ImportContentType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === 'csv') return 'text/csv';
  if (extension === 'jsonl' || extension === 'ndjson') return 'application/x-ndjson';
  const mediaType = type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (CSV_TYPES.includes(mediaType)) return 'text/csv';
  if (JSON_LINES_TYPES.includes(mediaType)) return 'application/x-ndjson';
  return undefined;
}

const ImportErrorSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
  column: z.string().optional(),
  id: z.string().optional(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** A written import's report (200, 207; and the 409 of an interrupted one). */
export const ImportReportSchema = z.object({
  mode: z.enum(['all', 'valid-rows']),
  format: z.enum(['csv', 'jsonl']),
  summary: z.object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  rows: z.array(
    z.object({
      line: z.number().int(),
      id: z.string().optional(),
      result: z.enum(['created', 'updated', 'unchanged', 'rejected']),
      location: z.string().optional(),
    }),
  ),
  errors: z.array(ImportErrorSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A refused import's problem document (400): every problem, nothing imported. */
const RefusedSchema = z.object({
  errors: z.array(ImportErrorSchema),
  rows: z.number().int().optional(),
  invalidRows: z.number().int().optional(),
});

/** One problem as the table shows it. */
export interface ImportErrorRow {
  /** The line of the file. */
  line: string;
  /** The row's own id for its offer, when it has one. */
  offer?: string;
  /** The field in words, and (CSV) its column. */
  field: string;
  /** What is wrong, in `problemLang` (intake's message when koppel has no sentence for it). */
  problem: string;
  problemLang: Language;
}

export interface ImportView {
  /** Whether anything went wrong (the sentence says what). */
  failed: boolean;
  /** The session is no longer valid: the page asks to sign in again. */
  signedOut: boolean;
  /** Something was written: the page reloads the provider's offers. */
  imported: boolean;
  sentence: string;
  errors: ImportErrorRow[];
}

/** "Oudste leeftijd (kolom ageMax)": the field in words and, in CSV, the column it is in. */
export function readableField(error: Pick<ImportError, 'field' | 'column'>, copy: PortalCopy, lang: Language): string {
  const name = readableFieldName(error.field, lang);
  return error.column && error.column !== name ? `${name} (${copy.providerTools.import.column(error.column)})` : name;
}

/** intake's problems, one row each, in the file's order. */
export function importErrorRows(errors: readonly ImportError[], copy: PortalCopy, lang: Language): ImportErrorRow[] {
  return [...errors]
    .sort((a, b) => a.line - b.line)
    .map((e) => {
      const message = importMessage(e.message, lang);
      return {
        line: String(e.line),
        ...(e.id ? { offer: e.id } : {}),
        field: readableField(e, copy, lang),
        problem: message.text,
        problemLang: message.lang,
      };
    });
}

/** The sentence of a written import: "3 aanbiedingen nieuw, 0 gewijzigd, 0 ongewijzigd" (and the rejected lines). */
export function importedSentence(report: ImportReport, copy: PortalCopy): string {
  const t = copy.providerTools.import;
  const { created, updated, unchanged, rejected } = report.summary;
  const done = t.imported(created, updated, unchanged);
  return rejected > 0 ? `${done}; ${t.rejected(rejected)}.` : `${done}.`;
}

/**
 * What the page shows for intake's answer to an import: its HTTP status and its body
 * (parsed JSON, or undefined). 200 and 207 are reports; 400 lists the problems (nothing
 * imported); 409 imported part of it; 413 and 415 are about the file; the rest by status.
 */
export function importViewOf(status: number, body: unknown, copy: PortalCopy, lang: Language): ImportView {
  const t = copy.providerTools.import;
  const failedText = problemText({ status, title: '' }, copy);
  const view = (sentence: string, extra: Partial<ImportView> = {}): ImportView => ({
    failed: true,
    signedOut: false,
    imported: false,
    sentence,
    errors: [],
    ...extra,
  });
  if (status === 200 || status === 207) {
    const report = ImportReportSchema.safeParse(body);
    if (!report.success) return view(failedText);
    return view(importedSentence(report.data, copy), {
      failed: report.data.summary.rejected > 0,
      imported: true,
      errors: importErrorRows(report.data.errors, copy, lang),
    });
  }
  if (status === 400) {
    const refused = RefusedSchema.safeParse(body);
    if (!refused.success) return view(failedText);
    const { errors, rows = 0 } = refused.data;
    const invalid = refused.data.invalidRows ?? new Set(errors.map((e) => e.line)).size;
    return view(rows > 0 ? t.refused(invalid, rows) : t.unreadable, { errors: importErrorRows(errors, copy, lang) });
  }
  if (status === 409) {
    const report = ImportReportSchema.safeParse(body);
    return view(t.interrupted, {
      imported: true,
      errors: report.success ? importErrorRows(report.data.errors, copy, lang) : [],
    });
  }
  if (status === 413) return view(t.tooLarge);
  if (status === 415) return view(t.wrongType);
  if (status === 401) return view(copy.client.problem.signedOut, { signedOut: true });
  return view(failedText);
}
