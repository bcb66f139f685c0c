import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The browser script, built by `npm run build` from src/client into dist/client.js
 * (packages/launcher/src/build.ts): the same file whether the portal runs built
 * (dist/main.js) or from source under tsx in development.
 */
export function clientBundle(): string {
  const file = resolve(__dirname, '../dist/client.js');
  if (!existsSync(file)) throw new Error(`the portal's browser script is missing (${file}): run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
}
