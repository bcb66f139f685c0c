import type { Claims } from '@koppel/auth';

/** Who is calling: the verified claims of the bearer token. */
export type Principal = Claims;
