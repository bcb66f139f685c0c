import { type FieldError, HttpProblem } from '@koppel/http';
import type { Forbidden, Invalid } from '../app/results';

/** 400 naming every bad field of the body with its reason. */
export function validationFailed(errors: FieldError[]): HttpProblem {
  return new HttpProblem(400, 'Validation failed', `The request body has ${errors.length} invalid field(s).`, { errors });
}

/** The problem of a refusal every use case may answer: bad input (400) or a caller who may not (403). */
export function refusalProblem(refusal: Invalid | Forbidden): HttpProblem {
  return refusal.kind === 'invalid' ? validationFailed(refusal.errors) : new HttpProblem(403, 'Forbidden', refusal.detail);
}

/** 409 for an Idempotency-Key that an earlier create used with another body. */
export function keyReused(): HttpProblem {
  return new HttpProblem(
    409,
    'Idempotency-Key reused',
    'This Idempotency-Key was used before with another body; use a new key for a new request.',
  );
}
