import { buildAll } from '@koppel/launcher';

/**
 * `npm run build`: every service to services/<name>/dist/main.js, run with
 * `node --enable-source-maps services/<name>/dist/main.js`, and the portal's
 * browser script to services/portal/dist/client.js (decision 0023).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const files = await buildAll();
  for (const { file, bytes } of files) process.stderr.write(`${file.padEnd(36)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB\n`);
  process.stderr.write(`built ${files.length} files in ${Date.now() - started} ms\n`);
}

main().catch((error) => {
  process.stderr.write(`build failed: ${(error as Error).message}\n`);
  process.exit(1);
});
