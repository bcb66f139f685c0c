import mongoose from 'mongoose';
import type { StoredOrganisation } from './models';

/**
 * One organisation read straight from intake's database, for the admin command line:
 * a connection of its own, no models (so no collections or indexes created), closed again.
 */
export async function readOrganisation(
  database: { uri: string; dbName: string; maxPoolSize: number },
  id: string,
): Promise<StoredOrganisation | null> {
  const connection = await mongoose
    .createConnection(database.uri, { dbName: database.dbName, maxPoolSize: database.maxPoolSize, serverSelectionTimeoutMS: 5000 })
    .asPromise();
  try {
    return await connection.collection<StoredOrganisation>('organisations').findOne({ _id: id });
  } finally {
    await connection.close();
  }
}
