import type { Language } from '@koppel/contracts';
import { z } from 'zod';
import type { PortalCopy } from '../copy';

/**
 * intake's explanation of the import's columns (`GET /offers/imports/columns`, in
 * nl/fr/en) as the provider page shows it: the file's format as label/text pairs, and
 * one table row per column, in the page language. Pure.
 */

const Localised = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

export const ColumnGuideSchema = z.object({
  format: z.object({ separator: Localised, encoding: Localised, rows: Localised, listSeparator: z.string() }),
  columns: z.array(
    z.object({
      name: z.string(),
      field: z.string(),
      typeMeaning: Localised.optional(),
      required: z.enum(['yes', 'no', 'conditional']),
      requiredWhen: Localised.optional(),
      values: z.array(z.string()).optional(),
      example: z.string(),
      meaning: Localised,
    }),
  ),
});
export type ColumnGuide = z.infer<typeof ColumnGuideSchema>;

export interface ColumnGuideView {
  /** [label, text]: separator, encoding, rows, lists. */
  facts: [string, string][];
  rows: { name: string; required: string; meaning: string; example: string }[];
}

export function columnGuideView(guide: ColumnGuide, copy: PortalCopy, lang: Language): ColumnGuideView {
  const t = copy.providerTools.import;
  return {
    facts: [
      [t.formatFacts.separator, guide.format.separator[lang]],
      [t.formatFacts.encoding, guide.format.encoding[lang]],
      [t.formatFacts.rows, guide.format.rows[lang]],
      [t.formatFacts.lists, t.listSeparator(guide.format.listSeparator)],
    ],
    rows: guide.columns.map((column) => ({
      name: column.name,
      required:
        column.required === 'conditional'
          ? t.required.conditional(column.requiredWhen?.[lang] ?? '')
          : t.required[column.required === 'yes' ? 'yes' : 'no'],
      meaning: [column.meaning[lang], column.values?.length ? t.values(column.values.join(', ')) : ''].filter(Boolean).join(' '),
      example: column.example,
    })),
  };
}
