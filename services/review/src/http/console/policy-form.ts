import { z } from 'zod';
import { REGIONS, type RegionName } from '../../app/regions/province-of-postcode';

/** The console's policy form: a known region (a policy for a name no proposal carries would never apply), on/off, a threshold. */
export const PolicyForm = z.object({
  region: z.enum(REGIONS as [RegionName, ...RegionName[]]),
  enabled: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  /** percent in the form, 0..1 in the database */
  threshold: z.coerce
    .number()
    .min(0)
    .max(100)
    .transform((pct) => pct / 100),
});
