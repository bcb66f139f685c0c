import type { Response } from 'express';
import type { z } from 'zod';

/** One bad field in a request body: where it is and why it is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error that becomes an RFC 9457 problem document. It is an answer, not a bug: no
 * stack trace is captured (the most expensive part of an Error), since hostile clients
 * can make thousands a second (issue #11).
 */
export class HttpProblem extends Error {
  declare readonly status: number;
  declare readonly title: string;
  declare readonly detail?: string;
  declare readonly extra: Record<string, unknown>;

  constructor(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(detail ?? title);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    Object.assign(this, { status, title, detail, extra, name: 'HttpProblem' });
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      return { path: path || '(body)', message: `unknown field(s): ${keys.join(', ')}` };
    }
    return { path: path || '(body)', message: issue.message };
  });
}

export function validationProblem(error: z.ZodError, what = 'request body'): HttpProblem {
  const errors = fieldErrorsOf(error);
  return new HttpProblem(400, 'Validation failed', `The ${what} has ${errors.length} invalid field(s).`, { errors });
}

export function sendProblem(res: Response, problem: HttpProblem, instance?: string): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, instance, ...problem.extra });
}
