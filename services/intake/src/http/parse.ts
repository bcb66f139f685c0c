import type { Request } from 'express';
import type { z } from 'zod';
import { HttpProblem, parseOrThrow } from '@koppel/http';
import { idempotencyRecord } from '../app/idempotency';
import type { Principal } from '../app/principal';
import type { IdempotencyRecord } from '../store/models';
import { unknownFieldErrors } from './input-guard';
import { validationFailed } from './problems';

/** Parses a body with the input schema and rejects unknown fields at any depth. */
export function parseInput<I>(schema: z.ZodType<I>, body: unknown): I {
  const input = parseOrThrow(schema, body);
  const unknown = unknownFieldErrors(body, input);
  if (unknown.length) throw validationFailed(unknown);
  return input;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** A path id that cannot exist is a 404 without asking the database. */
export function pathId(req: Request, what: string): string {
  const id = String(req.params.id);
  if (!ID.test(id)) throw new HttpProblem(404, 'Not found', `No ${what} with id '${id.slice(0, 100)}'.`);
  return id;
}

/** A body that names an id names the path's: a PUT replaces what its address says. */
export function assertSameId(input: { id?: string }, id: string): void {
  if (input.id !== undefined && input.id !== id)
    throw new HttpProblem(400, 'Validation failed', 'The body names another id.', {
      errors: [{ path: 'id', message: `must be '${id}' or absent` }],
    });
}

/** `If-Match: "3"` (or 3): the revision the client last saw. */
export function expectedRevision(req: Request): number | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new HttpProblem(400, 'Invalid If-Match', 'If-Match must be the revision, e.g. "3".');
  return Number(match[1]);
}

/**
 * The Idempotency-Key of a POST, scoped to the caller, with a hash of the body.
 * Undefined when the header is absent.
 */
export function idempotencyOf(req: Request, principal: Principal): IdempotencyRecord | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    throw new HttpProblem(400, 'Invalid Idempotency-Key', 'Use 1 to 200 visible ASCII characters, e.g. a UUID.');
  return idempotencyRecord(principal, key, req.body);
}
