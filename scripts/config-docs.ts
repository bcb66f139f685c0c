/**
 * `npm run --silent docs:config` writes docs/configuration.md from the services' env
 * schemas (zod) and the doc comments above each variable, so the reference cannot
 * miss a variable the code reads. `scripts/test/config-docs.test.ts` fails when the
 * committed file is not what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { commonEnvSchema, describeEnv, docCommentsOf, envTable } from '@koppel/config';
import { intakeEnvSchema } from '../services/intake/src/config';
import { matcherEnvSchema } from '../services/matcher/src/config';
import { notifierEnvSchema } from '../services/notifier/src/config';
import { portalEnvSchema } from '../services/portal/src/config';
import { reviewEnvSchema } from '../services/review/src/config';

const ROOT = resolve(__dirname, '..');
export const CONFIGURATION_DOC = join(ROOT, 'docs/configuration.md');

const SERVICES: Array<{ name: string; schema: z.ZodObject; source: string }> = [
  { name: 'intake', schema: intakeEnvSchema, source: 'services/intake/src/config.ts' },
  { name: 'matcher', schema: matcherEnvSchema, source: 'services/matcher/src/config.ts' },
  { name: 'review', schema: reviewEnvSchema, source: 'services/review/src/config.ts' },
  { name: 'notifier', schema: notifierEnvSchema, source: 'services/notifier/src/config.ts' },
  { name: 'portal', schema: portalEnvSchema, source: 'services/portal/src/config.ts' },
];

/** docs/configuration.md as the schemas say it. */
export function configurationDoc(): string {
  const comments = (file: string) => docCommentsOf(readFileSync(join(ROOT, file), 'utf8'));
  const common = describeEnv(commonEnvSchema, comments('packages/config/src/index.ts'));
  const commonNames = new Set(common.map((v) => v.name));
  const sections = SERVICES.map(({ name, schema, source }) => {
    const own = describeEnv(schema, comments(source)).filter((v) => !commonNames.has(v.name));
    const shares = Object.keys(schema.shape).some((key) => commonNames.has(key));
    return `## ${name}\n\n${shares ? 'The shared variables above, and:\n\n' : ''}${envTable(own)}\n`;
  });
  return [
    '# Configuration',
    '',
    "<!-- Written by `npm run --silent docs:config` from the services' zod env schemas (`services/*/src/config.ts`, `packages/config`); do not edit by hand. -->",
    '',
    'Each service reads its environment once, at start, through its zod schema and refuses to start',
    'with a message naming every variable that is wrong (`loadConfig` in `@koppel/config`). Secrets',
    '(`*SECRET*`, `*KEY*`, `*PASSWORD*`) are never echoed in that message.',
    '',
    '## Every service but the portal',
    '',
    envTable(common),
    '',
    ...sections,
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(CONFIGURATION_DOC, configurationDoc());
  process.stderr.write(`wrote ${CONFIGURATION_DOC}\n`);
}
