import { z } from 'zod';
import { MatchAnswerSchema, MatchSideSchema, MatchSnapshotSchema, PartySchema } from './events';

/**
 * "My suggestions": what review shows a school or a provider about the matches
 * a broker approved for it (the portal's pages read it in the browser). Only
 * the other side's name before confirmation; its contact details once both
 * said "interested" (the same moment the confirmation mail sends them).
 */
export const SUGGESTION_STATUSES = ['approved', 'confirmed', 'declined'] as const;
export const SuggestionViewSchema = z.object({
  id: z.string().min(1),
  status: z.enum(SUGGESTION_STATUSES),
  /** Which side the caller is on. */
  side: MatchSideSchema,
  yourAnswer: MatchAnswerSchema.nullable(),
  summary: z.string(),
  /** Why it fits, in each page language (the summary is the matcher's Dutch sentence). */
  summaries: z.object({ nl: z.string(), fr: z.string(), en: z.string() }),
  score: z.number(),
  /** The broker's note for both sides, if any. */
  note: z.string().optional(),
  request: MatchSnapshotSchema.shape.request,
  offer: MatchSnapshotSchema.shape.offer,
  schoolName: z.string(),
  providerName: z.string(),
  /** The other side's contact, only when confirmed. */
  contact: PartySchema.optional(),
  updatedAt: z.iso.datetime(),
});
export type SuggestionView = z.infer<typeof SuggestionViewSchema>;
export const SuggestionListSchema = z.object({ items: z.array(SuggestionViewSchema) });

export const SuggestionAnswerInputSchema = z.object({ answer: MatchAnswerSchema, reason: z.string().trim().max(2000).optional() }).strict();
export type SuggestionAnswerInput = z.infer<typeof SuggestionAnswerInputSchema>;
