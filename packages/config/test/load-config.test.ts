import { z } from 'zod';
import { ConfigError, commonEnvSchema, env, loadConfig } from '../src';

describe('loadConfig', () => {
  const schema = commonEnvSchema.extend({ APP_PORT: env.port(8080), APP_SECRET: z.string().min(8) });

  it('applies documented defaults', () => {
    const config = loadConfig(schema, { APP_SECRET: 'long-enough' });
    expect(config.APP_PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.MONGO_URI).toBe('mongodb://127.0.0.1:27017/');
  });

  it('splits a broker list', () => {
    expect(loadConfig(schema, { APP_SECRET: 'long-enough', KAFKA_BROKERS: 'a:1, b:2' }).KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
  });

  it('fails fast naming every bad variable, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig(schema, { APP_PORT: 'eighty', APP_SECRET: 'short', KAFKA_BROKERS: 'nohostport', MONGO_URI: 'http://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/APP_PORT: .*\(got 'eighty'\)/);
    expect(message).toMatch(/KAFKA_BROKERS: each broker must be host:port/);
    expect(message).toMatch(/MONGO_URI: must start with mongodb:\/\//);
    expect(message).toMatch(/APP_SECRET: .*\(got '\*\*\*'\)/);
    expect(message).not.toContain('short');
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig(schema, {})).toThrow(/APP_SECRET: .*not set/);
  });
});
