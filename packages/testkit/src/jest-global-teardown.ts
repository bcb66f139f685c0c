import type { RunningInfra } from '@koppel/infra';
import type { RunningServices } from '@koppel/launcher';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__koppelStack as { infra: RunningInfra; services: RunningServices } | undefined;
  if (!stack) return;
  const started = Date.now();
  await stack.services.stop();
  const servicesStopped = Date.now();
  await stack.infra.stop();
  process.stderr.write(
    `[test stack] stopped: services in ${((servicesStopped - started) / 1000).toFixed(1)} s, infrastructure in ${((Date.now() - servicesStopped) / 1000).toFixed(1)} s\n`,
  );
}
