import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { SERVICE_NAMES, type ServiceName } from './services';

const REPO_ROOT = resolve(__dirname, '../../..');

/** Where a service's built entry point is: what `node` runs in production, the demo and the tests. */
export function builtEntry(name: ServiceName): string {
  return join(REPO_ROOT, 'services', name, 'dist', 'main.js');
}

/** Where the portal's browser script is built to; the portal serves this file. */
export const PORTAL_CLIENT_BUNDLE = join(REPO_ROOT, 'services', 'portal', 'dist', 'client.js');

/**
 * Our own workspace packages (`@koppel/*`) and relative imports go into the bundle;
 * every other package stays an ordinary `require` resolved from node_modules at run
 * time, so a dependency is installed once and keeps its own files (natural's data,
 * mongoose's drivers) where it expects them.
 */
const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@koppel/') ? undefined : { path: args.path, external: true }));
  },
};

/** One service's main.ts compiled (with the workspace packages it uses) into dist/main.js. */
async function buildService(name: ServiceName): Promise<void> {
  await build({
    entryPoints: [join(REPO_ROOT, 'services', name, 'src', 'main.ts')],
    outfile: builtEntry(name),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    sourcemap: true,
    // Pages and mails are TSX rendered by hono's JSX runtime (decision 0026).
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    plugins: [thirdPartyExternal],
    logLevel: 'warning',
    // The gazetteer finds its data file by package name at run time, on purpose (it stays a file, not a literal).
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

/**
 * The portal's browser script, with zod and the contract schemas from
 * @koppel/contracts: the forms validate with exactly the schemas intake parses
 * with, not a copy that could drift.
 */
export async function buildPortalClient(): Promise<void> {
  const client = join(REPO_ROOT, 'services', 'portal', 'src', 'client');
  await build({
    entryPoints: [join(client, 'main.ts')],
    outfile: PORTAL_CLIENT_BUNDLE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { 'node:crypto': join(client, 'node-crypto-shim.ts') },
  });
}

export interface BuiltFile {
  file: string;
  bytes: number;
}

/**
 * `npm run build`: every service to `services/<name>/dist/main.js` (run with plain
 * `node`) and the portal's browser script to `services/portal/dist/client.js`.
 * Type checking is `npm run typecheck`'s job (decision 0023). Resolves with the
 * files written, paths relative to the repository.
 */
export async function buildAll(): Promise<BuiltFile[]> {
  await Promise.all([...SERVICE_NAMES.map(buildService), buildPortalClient()]);
  return [...SERVICE_NAMES.map(builtEntry), PORTAL_CLIENT_BUNDLE].map((file) => ({
    file: relative(REPO_ROOT, file),
    bytes: statSync(file).size,
  }));
}

let once: Promise<BuiltFile[]> | null = null;

/** Builds once per process: the launcher calls it before starting services, so they never run stale code. */
export function buildOnce(): Promise<BuiltFile[]> {
  once ??= buildAll();
  return once;
}
