import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** Input error that names file, line and field; CLIs exit 2 on it. */
export class InputError extends Error {}

/**
 * Parses and validates a JSON Lines file. Stops at the first bad line with a
 * message naming file, line and field path (e.g. "offers.jsonl:12: format: ...").
 */
export function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read file (${(error as Error).message})`);
  }
  const rows: T[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${file}:${i + 1}: broken JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? issue.path.join('.') : '(line)';
      throw new InputError(`${file}:${i + 1}: field ${field}: ${issue.message}`);
    }
    rows.push(parsed.data);
  });
  return rows;
}

/** Value of `--name value` in argv, or undefined. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Runs a CLI main, turning InputError into exit code 2 with a message on stderr. */
export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof InputError ? 2 : 1;
    });
}
