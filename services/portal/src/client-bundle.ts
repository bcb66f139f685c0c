import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * The browser script, bundled once at start from src/client (with zod and the
 * contract schemas from @koppel/contracts): the forms validate with exactly
 * the schemas intake parses with, not a copy that could drift.
 */
export async function clientBundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(__dirname, 'client/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    alias: { 'node:crypto': resolve(__dirname, 'client/node-crypto-shim.ts') },
  });
  return result.outputFiles[0].text;
}
