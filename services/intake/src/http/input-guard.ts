import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, type FieldError } from '@koppel/http';

// Control characters other than tab, newline and carriage return have no place in koppel's texts.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Paths of keys that could act as MongoDB operators or paths (`$where`, `a.b`) and of strings with control characters. */
export function dangerousInputPaths(value: unknown, path: string[] = [], found: FieldError[] = []): FieldError[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (CONTROL.test(value)) found.push({ path: path.join('.') || '(body)', message: 'must not contain control characters' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => dangerousInputPaths(v, [...path, String(i)], found));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor' || key === 'prototype' || CONTROL.test(key)) {
        found.push({ path: [...path, key].join('.'), message: 'field names must not start with $ or contain a dot' });
      } else dangerousInputPaths(v, [...path, key], found);
    }
  }
  return found;
}

/**
 * Rejects bodies and query strings carrying operator-like keys before any route
 * sees them. Zod's strict schemas would reject unknown keys too; this guard
 * makes the rule hold for every route, present and future.
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
