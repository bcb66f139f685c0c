import type { Connection, mongo } from 'mongoose';

/**
 * Whether a server answers filters on other fields than `_id` from indexes, read from the
 * plan it gives for such a filter. FerretDB v1 says `filterPushdown: false`: it reads every
 * document and filters in Go whatever indexes exist (decision 0014), so a secondary index
 * there is only a cost, paid on every insert and update (decision 0030). MongoDB's plans
 * have no such field.
 */
export function planUsesIndexes(plan: Record<string, unknown>): boolean {
  return plan.filterPushdown !== false;
}

/** Asks the server for the plan of a filter on a field other than `_id` (nothing is created); true when in doubt. */
export async function serverUsesSecondaryIndexes(connection: Connection): Promise<boolean> {
  try {
    const plan = await connection.db!.command({ explain: { find: 'koppel_index_probe', filter: { probe: 1 } } });
    return planUsesIndexes(plan);
  } catch {
    return true;
  }
}

/**
 * Creates the unique indexes of every model on the connection: a unique index is a
 * constraint, needed on every server even where no query uses it. For a connection whose
 * server does not use secondary indexes (its models are created without automatic indexes).
 */
export async function createUniqueIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models))
    for (const [fields, options] of model.schema.indexes())
      if (options?.unique)
        // mongoose allows `unique: [true, message]`; the server takes a boolean.
        await model.collection.createIndex(fields as Record<string, 1 | -1>, { ...options, unique: true } as mongo.CreateIndexesOptions);
}
