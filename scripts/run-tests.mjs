#!/usr/bin/env node
// Runs every test: the type check, lint and build, then jest's unit and integration projects in
// one process (integration files share one started stack, so they run in band).
// --forceExit: kafkajs leaves request timers behind after disconnect (the stack itself
// is stopped by the global teardown), which would otherwise hold jest for ~30 s.
// Prints a plain "N passed, N failed" closing line and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const extra = process.argv.slice(2);
const results = '.run/jest-results.json';
mkdirSync('.run', { recursive: true });
if (existsSync(results)) rmSync(results);

const step = (title, cmd, args) => {
  process.stderr.write(`\n== ${title}\n`);
  const started = Date.now();
  const run = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1', TURBO_TELEMETRY_DISABLED: '1' },
  });
  process.stderr.write(`== ${title}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return run.status ?? 1;
};

// Type check, lint (Biome) and build (esbuild) through turbo, which replays them from
// its cache (.turbo/) when their inputs have not changed. A subset run skips them; the
// launcher still builds the services it starts.
const checks = extra.length
  ? 0
  : step('type check, lint, build', 'npx', ['turbo', 'run', 'typecheck', 'lint', 'build', '--output-logs=errors-only']);
const jest = step('jest (unit + integration)', 'npx', [
  'jest',
  '--runInBand',
  '--forceExit',
  '--json',
  `--outputFile=${results}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
}
if (checks !== 0) failed += 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(checks !== 0 || jest !== 0 || failed > 0 || passed === 0 ? 1 : 0);
