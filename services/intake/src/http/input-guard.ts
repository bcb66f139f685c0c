import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, type FieldError } from '@koppel/http';

// Control characters other than tab, newline and carriage return have no place in koppel's texts.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Deeper than any koppel document (an offer is 4 levels): anything deeper is not a listing. */
export const MAX_INPUT_DEPTH = 12;
/** More values than any listing has (a few hundred): a body of thousands of tiny values is an attack, not an offer. */
export const MAX_INPUT_VALUES = 5000;
const MAX_ERRORS = 20;

function isDangerousKey(key: string): boolean {
  return (
    key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor' || key === 'prototype' || CONTROL.test(key)
  );
}

/** A value still to look at, with the way to it kept as a link to its parent (no path copied per value). */
interface Pending {
  value: unknown;
  parent?: Pending;
  key?: string;
  depth: number;
  badKey?: true;
}

function pathOf(item: Pending): string[] {
  const keys: string[] = [];
  for (let at: Pending | undefined = item; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/**
 * Paths of keys that could act as MongoDB operators or paths (`$where`, `a.b`), of
 * strings with control characters, and of input nested deeper than MAX_INPUT_DEPTH
 * or holding more than MAX_INPUT_VALUES values. Iterative with an explicit stack and
 * bounded by both limits: a container larger than what is left of the budget is refused
 * before its members are looked at, so a hostile body costs at most a few thousand steps
 * and never overflows the call stack (issue #11: 20,000 nested arrays answered 500).
 */
export function dangerousInputPaths(value: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: Pending[] = [{ value, depth: 0 }];
  const at = (item: Pending, limit = MAX_INPUT_DEPTH) => pathOf(item).slice(0, limit).join('.') || '(body)';
  let visited = 0;
  while (stack.length > 0 && found.length < MAX_ERRORS) {
    const item = stack.pop()!;
    const v = item.value;
    if (item.badKey) {
      found.push({ path: pathOf(item).join('.'), message: 'field names must not start with $ or contain a dot' });
      continue;
    }
    visited++;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) found.push({ path: at(item), message: 'must not contain control characters' });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (item.depth >= MAX_INPUT_DEPTH) {
      found.push({ path: at(item), message: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` });
      break;
    }
    const keys = Array.isArray(v) ? undefined : Object.keys(v);
    const size = keys ? keys.length : (v as unknown[]).length;
    if (visited + stack.length + size > MAX_INPUT_VALUES) {
      found.push({ path: '(body)', message: `must not hold more than ${MAX_INPUT_VALUES} values` });
      break;
    }
    // Pushed in reverse so that errors come out in document order.
    for (let i = size - 1; i >= 0; i--) {
      const key = keys ? keys[i] : String(i);
      const child = keys ? (v as Record<string, unknown>)[key] : (v as unknown[])[i];
      stack.push({
        value: child,
        parent: item,
        key,
        depth: item.depth + 1,
        ...(keys && isDangerousKey(key) ? { badKey: true as const } : {}),
      });
    }
  }
  return found.slice(0, MAX_ERRORS);
}

/**
 * Rejects bodies and query strings carrying operator-like keys, or too deep or too
 * large to be a listing, before any route sees them (a cheap, bounded check). It runs
 * where bodies are read: after authentication on the API, after the per-address limit on
 * sign-in, so an anonymous client's body is never even parsed. Zod's strict schemas would
 * reject unknown keys too; this guard makes the rule hold for every route, present and future.
 */
export function rejectDangerousInput(req: Request, _res: Response, next: NextFunction): void {
  const errors = [...dangerousInputPaths(req.body), ...dangerousInputPaths(req.query).map((e) => ({ ...e, path: `query.${e.path}` }))];
  if (errors.length)
    return next(new HttpProblem(400, 'Validation failed', `The request has ${errors.length} invalid field(s).`, { errors }));
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
  for (const key of Object.keys(input))
    if (key in parsed)
      errors.push(...unknownFieldErrors((input as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key], [...path, key]));
  return errors;
}
