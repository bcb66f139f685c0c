import { z } from 'zod';

/**
 * The answers of the offer import (http/offer-imports.ts), for the OpenAPI document:
 * the report of an import, the problem of a refused one, and the column guide.
 */

const Localised = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

export const ImportErrorSchema = z.object({
  line: z.number().int().describe('Line of the file (1-based); a CSV row spanning lines: its first line'),
  field: z.string().describe('Dot path in the offer body (audience.ageMin), or (row), (header), (file)'),
  message: z.string(),
  column: z.string().optional().describe('CSV only: the column the field is in'),
  id: z.string().optional().describe("The row's own id for the offer"),
});

const Counts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const OfferImportReportSchema = z.object({
  mode: z.enum(['all', 'valid-rows']),
  format: z.enum(['csv', 'jsonl']),
  summary: Counts,
  rows: z.array(
    z.object({
      line: z.number().int(),
      id: z.string().optional(),
      result: z.enum(['created', 'updated', 'unchanged', 'rejected']),
      location: z.string().optional().describe('The offer: /offers/{id}'),
    }),
  ),
  errors: z.array(ImportErrorSchema),
});
export type OfferImportReport = z.infer<typeof OfferImportReportSchema>;

export const ImportProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(ImportErrorSchema),
    rows: z.number().int().optional().describe('Rows in the file'),
    invalidRows: z.number().int().optional().describe('Rows with at least one error'),
  })
  .describe('RFC 9457 problem; nothing was imported');

export const OfferColumnGuideSchema = z.object({
  format: z.object({ separator: Localised, encoding: Localised, rows: Localised, listSeparator: z.string() }),
  columns: z.array(
    z.object({
      name: z.string(),
      field: z.string(),
      type: z.enum(['text', 'code', 'codes', 'number', 'integer', 'yes-no', 'list', 'periods']),
      typeMeaning: Localised,
      required: z.enum(['yes', 'no', 'conditional']),
      requiredWhen: Localised.optional(),
      values: z.array(z.string()).optional(),
      example: z.string(),
      meaning: Localised,
    }),
  ),
});
