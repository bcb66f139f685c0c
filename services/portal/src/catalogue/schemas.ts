import { DisciplineSchema, FormatSchema, InclusionSchema, LanguageSchema, OfferSchema, PlaceSchema } from '@koppel/contracts';
import { z } from 'zod';

/**
 * What intake's public catalogue answers (services/intake/src/http/catalogue.ts), as the
 * browser script checks it: a page of result cards, and one offer as everyone may see
 * it (the provider's id and name, never its address). Built from the contract's schemas.
 */
const PublicProviderSchema = z.object({ id: z.string(), name: z.string() });

export const OfferCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  provider: PublicProviderSchema,
  excerpt: z.string(),
  disciplines: z.array(DisciplineSchema),
  format: FormatSchema,
  audience: z.object({ ageMin: z.number(), ageMax: z.number() }),
  location: PlaceSchema.pick({ municipality: true, postcode: true, country: true }),
  pricePerPupil: z.number(),
  inclusion: InclusionSchema.optional(),
  language: LanguageSchema,
});
export type OfferCard = z.infer<typeof OfferCardSchema>;

export const CatalogueHitSchema = z.object({
  offer: OfferCardSchema,
  score: z.number().optional(),
  distanceKm: z.number().optional(),
});
export type CatalogueHit = z.infer<typeof CatalogueHitSchema>;

export const CatalogueResultSchema = z.object({
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  items: z.array(CatalogueHitSchema),
});
export type CatalogueResult = z.infer<typeof CatalogueResultSchema>;

export const PublicOfferSchema = OfferSchema.extend({ provider: PublicProviderSchema });
export type PublicOffer = z.infer<typeof PublicOfferSchema>;
