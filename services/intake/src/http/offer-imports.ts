import express, { type NextFunction, type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import { type Offer, type OfferInput, OfferInputSchema } from '@koppel/contracts';
import { fieldErrorsOf, HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import { runWithTrace, type Trace } from '@koppel/logging';
import { checkOfferRows, type ImportOutcome, importOffers, type ReadOfferInput } from '../app/imports/import-offers';
import { offerColumnGuide, offerTemplateCsv } from '../app/imports/offer-columns';
import { type ImportError, type ImportFormat, MAX_IMPORT_BYTES, readOfferFile } from '../app/imports/offer-file';
import { kindAccess } from '../app/listings/access';
import type { ListingDeps } from '../app/listings/kinds';
import { dangerousInputPaths, unknownFieldErrors } from './input-guard';
import type { OfferImportReport } from './openapi/import-schemas';
import { refusalProblem } from './problems';

/** The media types of an import: CSV, or JSON Lines (one offer body per line). */
export const CSV_TYPES = ['text/csv', 'application/csv'];
export const JSON_LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];

const ImportQuerySchema = z.object({ mode: z.enum(['all', 'valid-rows']).default('all') }).strict();
const TemplateQuerySchema = z.object({ separator: z.enum(['comma', 'semicolon']).default('comma') }).strict();

/** The value at a path of a body (undefined when any step is missing). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** Zod's complaints, with 'required' for a field the row leaves out (instead of "expected string, received undefined"). */
function rowErrorsOf(value: unknown, error: z.ZodError) {
  return fieldErrorsOf(error).map((e, i) => {
    const issue = error.issues[i];
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(value, issue.path) === undefined;
    return missing ? { ...e, message: 'required' } : e;
  });
}

/**
 * One row's offer body read as POST /offers reads its body: no operator-like keys or
 * control characters and a bounded size (the input guard), the API's OfferInputSchema,
 * and no unknown fields at any depth.
 */
export const readOfferRow: ReadOfferInput = (value) => {
  const dangerous = dangerousInputPaths(value);
  if (dangerous.length) return { ok: false, errors: dangerous };
  const parsed = OfferInputSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: rowErrorsOf(value, parsed.error) };
  const unknown = unknownFieldErrors(value, parsed.data);
  return unknown.length ? { ok: false, errors: unknown } : { ok: true, input: parsed.data };
};

function formatOf(req: Request): ImportFormat | undefined {
  if (req.is(CSV_TYPES)) return 'csv';
  if (req.is(JSON_LINES_TYPES)) return 'jsonl';
  return undefined;
}

/** Only who may create offers gets its file read (before the body is: a refused caller's upload is never parsed). */
function mayImport(req: Request, _res: Response, next: NextFunction): void {
  const denied = kindAccess(principalOf(req), 'offer', true);
  if (denied) throw refusalProblem(denied);
  if (!formatOf(req))
    throw new HttpProblem(
      415,
      'Unsupported media type',
      'Send the file as text/csv, or as application/x-ndjson (JSON Lines: one offer per line).',
    );
  next();
}

const readText = express.text({ type: [...CSV_TYPES, ...JSON_LINES_TYPES], limit: MAX_IMPORT_BYTES, defaultCharset: 'utf-8' });

/** The file as text, at most MAX_IMPORT_BYTES (413 beyond), back in the request's trace afterwards. */
function importBody(req: Request, res: Response, next: NextFunction): void {
  readText(req, res, (error?: unknown) => {
    if ((error as { status?: number } | undefined)?.status === 413)
      return next(
        new HttpProblem(413, 'Payload too large', `An import may be at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB: split the file.`),
      );
    if (error) return next(error);
    // The parser calls on from the socket's callbacks, outside the request's trace: back into it (events carry the request id).
    if (res.locals.trace) runWithTrace(res.locals.trace as Trace, next);
    else next();
  });
}

const linesOf = (errors: readonly ImportError[]) => new Set(errors.map((e) => e.line)).size;

/** The report of a written import: counts, each row's result (and where its offer is), the problems of the rejected rows. */
function reportOf(outcome: Extract<ImportOutcome, { kind: 'imported' }>, format: ImportFormat): OfferImportReport {
  const count = (result: string) => outcome.rows.filter((r) => r.result === result).length;
  return {
    mode: outcome.mode,
    format,
    summary: {
      rows: outcome.rows.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
    },
    rows: outcome.rows.map((r) => ({
      ...r,
      ...(r.result !== 'rejected' && r.id ? { location: `/offers/${encodeURIComponent(r.id)}` } : {}),
    })),
    errors: outcome.errors,
  };
}

/**
 * `/offers/imports`: the public template and column guide, and the import itself
 * (`guarded`: the token, its rate limit and the API's body checks, as for POST /offers).
 */
export function offerImportRoutes(deps: ListingDeps<Offer, OfferInput>, guarded: RequestHandler[]): Router {
  const router = Router();
  const guide = offerColumnGuide();

  router.get('/template.csv', (req, res) => {
    const { separator } = parseOrThrow(TemplateQuerySchema, req.query, 'query string');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('Content-Disposition', 'attachment; filename="koppel-offers.csv"');
    res.type('text/csv; charset=utf-8').send(offerTemplateCsv(separator === 'semicolon' ? ';' : ','));
  });

  router.get('/columns', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.json(guide);
  });

  router.post('/', ...guarded, mayImport, importBody, async (req, res) => {
    const principal = principalOf(req);
    const { mode } = parseOrThrow(ImportQuerySchema, req.query, 'query string');
    const format = formatOf(req)!;
    const file = readOfferFile(typeof req.body === 'string' ? req.body : '', format);
    if (file.kind === 'too-many-rows')
      throw new HttpProblem(413, 'Too many rows', `An import holds at most ${file.limit} offers: split the file.`);
    if (file.kind === 'unreadable')
      throw new HttpProblem(400, 'Validation failed', 'The file cannot be read row by row; nothing was imported.', {
        errors: file.errors,
        rows: 0,
        invalidRows: 0,
      });
    const rows = checkOfferRows(file.rows, format, readOfferRow);
    const outcome = await importOffers(deps, principal, rows, format, mode);
    if (outcome.kind === 'forbidden') throw refusalProblem(outcome);
    if (outcome.kind === 'refused') {
      const invalidRows = linesOf(outcome.errors);
      throw new HttpProblem(
        400,
        'Validation failed',
        `${invalidRows} of ${outcome.rows} row(s) have errors; nothing was imported. Correct them, or import the valid rows with ?mode=valid-rows.`,
        { errors: outcome.errors, rows: outcome.rows, invalidRows },
      );
    }
    const report = reportOf(outcome, format);
    if (outcome.interrupted && mode === 'all')
      throw new HttpProblem(
        409,
        'Changed meanwhile',
        'Some offers changed while the file was imported; the other rows were imported. Send the same file again to finish.',
        { ...report },
      );
    res.status(report.summary.rejected > 0 ? 207 : 200).json(report);
  });

  return router;
}
