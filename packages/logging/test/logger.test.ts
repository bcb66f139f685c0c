import { createLogger, runWithTrace } from '../src';

describe('createLogger', () => {
  it('writes one JSON line per event, masking secret-looking keys at any depth', () => {
    const lines: string[] = [];
    const log = createLogger('test', { level: 'info', write: (l) => lines.push(l) });
    log.debug('hidden');
    log.info('hello', { password: 'p', nested: { apiKey: 'k', ok: 1 }, error: new Error('boom') });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', msg: 'hello', service: 'test', password: '***', nested: { apiKey: '***', ok: 1 } });
    expect(entry.error.message).toBe('boom');
  });

  it('child loggers carry their fields', () => {
    const lines: string[] = [];
    createLogger('svc', { write: (l) => lines.push(l) })
      .child({ component: 'x' })
      .warn('careful');
    expect(JSON.parse(lines[0])).toMatchObject({ component: 'x', level: 'warn', service: 'svc' });
  });

  it("puts the current trace's correlation id on every line written inside it", async () => {
    const lines: string[] = [];
    const log = createLogger('svc', { write: (l) => lines.push(l) });
    await runWithTrace({ correlationId: 'req-1', causationId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.child({ component: 'relay' }).info('inside');
    });
    log.info('outside');
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'inside', correlationId: 'req-1', component: 'relay' });
    expect(JSON.parse(lines[1]).correlationId).toBeUndefined();
    expect(lines[0]).not.toContain('\n');
  });
});
