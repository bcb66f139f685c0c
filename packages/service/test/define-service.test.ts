import { TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { createMemoryTransport } from '@koppel/messaging';
import { defineService } from '../src';

/** A service without a database on the in-process transport, with one or two consumers of its own groups. */
function serviceWith(groups: string[]) {
  return defineService<{ LOG_LEVEL: 'error' }>({
    name: 'probe',
    infrastructure: () => ({ http: { port: 0, host: '127.0.0.1' }, kafka: { brokers: [], clientId: 'probe', maxCompactionLagMs: 60_000 } }),
    setup: async (scope) => {
      for (const groupId of groups) scope.consume({ groupId, topics: [TOPICS.requests], handler: async () => undefined });
      return { routes: () => undefined };
    },
  });
}

async function readiness(groups: string[]): Promise<Record<string, { ok: boolean; groupId?: string }>> {
  const running = await serviceWith(groups).start({ LOG_LEVEL: 'error' }, createLogger('probe', { write: () => undefined }), {
    transport: createMemoryTransport(),
  });
  try {
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${running.url}/readyz`);
      if (res.ok) return ((await res.json()) as { checks: Record<string, { ok: boolean; groupId?: string }> }).checks;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('never ready');
  } finally {
    await running.stop();
  }
}

describe('defineService readiness', () => {
  it('names the one consumer `consumer`, as before', async () => {
    const checks = await readiness(['first']);
    expect(Object.keys(checks).filter((k) => k.startsWith('consumer'))).toEqual(['consumer']);
    expect(checks.consumer).toMatchObject({ ok: true, groupId: 'first' });
  });

  it('gives a second consumer its own check, `consumer:<groupId>`, instead of overwriting the first', async () => {
    const checks = await readiness(['first', 'second']);
    expect(Object.keys(checks).filter((k) => k.startsWith('consumer'))).toEqual(['consumer', 'consumer:second']);
    expect(checks.consumer).toMatchObject({ ok: true, groupId: 'first' });
    expect(checks['consumer:second']).toMatchObject({ ok: true, groupId: 'second' });
  });
});
