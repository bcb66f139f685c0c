import { type Connection, Schema } from 'mongoose';
import { createLogger } from '@koppel/logging';
import { readTestStack } from '@koppel/testkit';
import { defineService } from '../src';

/**
 * A service's models get their secondary indexes only where the server answers
 * queries from them (decision 0030): on FerretDB v1 (the local stack) only `_id`
 * and the unique ones, which are constraints; on MongoDB (containers mode) all.
 */
describe('secondary indexes follow what the server uses', () => {
  const stack = readTestStack();

  it('creates the plain indexes only on a server that uses them, the unique ones everywhere', async () => {
    const dbName = `${stack.namespace}-index-policy-${Date.now()}`;
    let names: string[] = [];
    const service = defineService<{ LOG_LEVEL: 'error' }, { connection: Connection }>({
      name: 'probe',
      infrastructure: () => ({
        http: { port: 0, host: '127.0.0.1' },
        database: { uri: stack.mongoUri, dbName, options: { maxPoolSize: 1 } },
      }),
      setup: async (scope) => {
        const schema = new Schema({ _id: String, owner: { type: String, index: true }, code: String, at: Date });
        schema.index({ code: 1 }, { unique: true, sparse: true });
        schema.index({ owner: 1, at: -1 });
        await scope.connection.model('Probe', schema, 'probes').init();
        return { routes: () => undefined, exposed: { connection: scope.connection } };
      },
    });
    const running = await service.start({ LOG_LEVEL: 'error' }, createLogger('probe', { write: () => undefined }));
    try {
      names = (await running.connection.collection('probes').indexes()).map((index) => String(index.name)).sort();
      // The unique index holds: a second document with the same code is refused.
      await running.connection.collection('probes').insertOne({ _id: 'a' as never, code: 'x' });
      await expect(running.connection.collection('probes').insertOne({ _id: 'b' as never, code: 'x' })).rejects.toThrow(/duplicate key/i);
      await running.connection.dropDatabase();
    } finally {
      await running.stop();
    }
    if (stack.mode === 'local') expect(names).toEqual(['_id_', 'code_1']);
    else expect(names).toEqual(['_id_', 'code_1', 'owner_1', 'owner_1_at_-1']);
  });
});
