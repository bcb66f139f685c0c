import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { readTestStack, waitFor } from '@koppel/testkit';

/**
 * Every hot path reads and writes documents by `_id` (decision 0013), so the
 * database must answer such a lookup from an index, whatever the collection's size.
 * FerretDB 1.24.2 on SQLite creates its `_id` index on an expression its own
 * statements never use; our FerretDB main adds one they do use (decision 0014).
 * Checked with SQLite's own query planner on the database file (python3's sqlite3),
 * never timed. On MongoDB (containers mode), MongoDB's explain.
 */
const LOOKUP = (table: string) => `EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM "${table}" WHERE _ferretdb_sjson->'$._id' = ?`;

/** SQLite's plan for FerretDB's own `_id` lookup statement (sqlite/collection.go, Query) on every collection of a file. */
function sqlitePlans(file: string): string {
  const script = [
    'import sqlite3, sys',
    'c = sqlite3.connect(sys.argv[1])',
    'for (t,) in c.execute("SELECT table_name FROM _ferretdb_collections"):',
    '    print(t, [r[3] for r in c.execute(sys.argv[2].replace("TABLE", t), (\'"x"\',))])',
  ].join('\n');
  return execFileSync('python3', ['-c', script, file, LOOKUP('TABLE')], { encoding: 'utf8' });
}

describe('a lookup by _id', () => {
  const stack = readTestStack();

  it('is answered from an index on a new collection', async () => {
    const client = new MongoClient(stack.mongoUri, { directConnection: true });
    await client.connect();
    const name = `${stack.namespace}-id-lookups`;
    const db = client.db(name);
    try {
      const docs = db.collection<{ _id: string; n: number }>('docs');
      await docs.insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `doc-${n}`, n })));
      const build = await client.db('admin').command({ buildInfo: 1 });
      if ('ferretdbVersion' in build) {
        const file = join(stack.runDir, 'infra', 'ferretdb', 'data', `${name}.sqlite`);
        expect(existsSync(file)).toBe(true);
        // The index appears within a tick of the collection's creation (infra/ferretdb/id_index.go).
        const plan = await waitFor(
          'the _id lookup to use an index',
          () => {
            const text = sqlitePlans(file);
            return /SEARCH \S+ USING INDEX \S+_koppel_id_path/.test(text) ? text : undefined;
          },
          { timeoutMs: 10_000, intervalMs: 200 },
        );
        expect(plan).not.toContain('SCAN');
      } else {
        expect(JSON.stringify((await docs.find({ _id: 'doc-42' }).explain()).queryPlanner)).toMatch(/IDHACK|EXPRESS_IXSCAN|IXSCAN/);
      }
      expect(await docs.findOne({ _id: 'doc-42' })).toEqual({ _id: 'doc-42', n: 42 });
    } finally {
      await db.dropDatabase();
      await client.close();
    }
  });
});
