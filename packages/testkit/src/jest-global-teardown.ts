import type { RunningInfra } from '@koppel/infra';
import type { RunningServices } from '@koppel/launcher';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__koppelStack as { infra: RunningInfra; services: RunningServices } | undefined;
  if (!stack) return;
  await stack.services.stop();
  await stack.infra.stop();
}
