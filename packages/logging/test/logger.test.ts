import { createLogger } from '../src';

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
    createLogger('svc', { write: (l) => lines.push(l) }).child({ component: 'x' }).warn('careful');
    expect(JSON.parse(lines[0])).toMatchObject({ component: 'x', level: 'warn', service: 'svc' });
  });
});
