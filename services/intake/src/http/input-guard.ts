import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, type FieldError } from '@koppel/http';

// Control characters other than tab, newline and carriage return have no place in koppel's texts.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Deeper than any koppel document (an offer is 4 levels): anything deeper is not a listing. */
export const MAX_INPUT_DEPTH = 12;
/** More values than any listing has (a few hundred): a body of thousands of tiny values is an attack, not an offer. */
export const MAX_INPUT_VALUES = 5000;
const MAX_ERRORS = 20;

function isDangerousKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor' || key === 'prototype' || CONTROL.test(key);
}

/**
 * Paths of keys that could act as MongoDB operators or paths (`$where`, `a.b`), of
 * strings with control characters, and of input nested deeper than MAX_INPUT_DEPTH
 * or holding more than MAX_INPUT_VALUES values. Iterative with an explicit stack and
 * bounded by both limits, so a hostile body costs at most a few thousand steps and
 * never overflows the call stack (issue #11: 20,000 nested arrays answered 500).
 */
export function dangerousInputPaths(value: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string[]; badKey?: true }> = [{ value, path: [] }];
  const at = (path: string[]) => path.join('.') || '(body)';
  let visited = 0;
  while (stack.length > 0 && found.length < MAX_ERRORS) {
    const { value: v, path, badKey } = stack.pop()!;
    if (badKey) {
      found.push({ path: path.join('.'), message: 'field names must not start with $ or contain a dot' });
      continue;
    }
    if (++visited > MAX_INPUT_VALUES) {
      found.push({ path: '(body)', message: `must not hold more than ${MAX_INPUT_VALUES} values` });
      break;
    }
    if (typeof v === 'string') {
      if (CONTROL.test(v)) found.push({ path: at(path), message: 'must not contain control characters' });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      found.push({ path: at(path.slice(0, MAX_INPUT_DEPTH)), message: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` });
      break;
    }
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    // Pushed in reverse so that errors come out in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push({ value: child, path: [...path, key], ...(!Array.isArray(v) && isDangerousKey(key) ? { badKey: true as const } : {}) });
    }
  }
  return found.slice(0, MAX_ERRORS);
}

/**
 * Rejects bodies and query strings carrying operator-like keys, or too deep or too
 * large to be a listing, before authentication and any route see them (a cheap,
 * bounded check, so an anonymous client cannot make intake work hard). Zod's strict
 * schemas would reject unknown keys too; this guard makes the rule hold for every
 * route, present and future.
 */
export function rejectDangerousInput(req: Request, _res: Response, next: NextFunction): void {
  const errors = [...dangerousInputPaths(req.body), ...dangerousInputPaths(req.query).map((e) => ({ ...e, path: `query.${e.path}` }))];
  if (errors.length) return next(new HttpProblem(400, 'Validation failed', `The request has ${errors.length} invalid field(s).`, { errors }));
  next();
}

/**
 * Keys present in the input but gone from zod's output: unknown fields in
 * nested objects (the contract's nested schemas strip rather than reject them).
 */
export function unknownFieldErrors(input: unknown, parsed: unknown, path: string[] = []): FieldError[] {
  if (Array.isArray(input) && Array.isArray(parsed)) return input.flatMap((v, i) => unknownFieldErrors(v, parsed[i], [...path, String(i)]));
  if (!input || typeof input !== 'object' || !parsed || typeof parsed !== 'object' || Array.isArray(input)) return [];
  const errors: FieldError[] = [];
  const unknown = Object.keys(input).filter((k) => !(k in parsed));
  if (unknown.length) errors.push({ path: path.join('.') || '(body)', message: `unknown field(s): ${unknown.join(', ')}` });
  for (const key of Object.keys(input)) if (key in parsed) errors.push(...unknownFieldErrors((input as any)[key], (parsed as any)[key], [...path, key]));
  return errors;
}
