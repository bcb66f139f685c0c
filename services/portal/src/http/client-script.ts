import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The browser script, built by `npm run build` from src/client into dist/client.js
 * (packages/launcher/src/build.ts): the same file whether the portal runs built
 * (dist/main.js) or from source under tsx in development. Found through the
 * package's own folder, which both resolve to.
 */
export function clientBundle(): string {
  const file = join(require.resolve('@koppel/portal/package.json'), '..', 'dist', 'client.js');
  if (!existsSync(file)) throw new Error(`the portal's browser script is missing (${file}): run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
}
