import { createHash, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Claims } from '@koppel/auth';

/**
 * A console session, kept here rather than in the cookie: the cookie holds only a
 * random id, so it stays small however many regions a broker covers (a token in the
 * cookie outgrew the browser's 4 kB from ~40 regions on, issue #11), and signing out
 * ends the session for good. Stored under the id's hash: a copy of this collection
 * opens no session.
 */
export interface ConsoleSessionDoc {
  _id: string;
  claims: Claims;
  expiresAt: Date;
  createdAt: Date;
}

export function createConsoleSessionModel(connection: Connection): Model<ConsoleSessionDoc> {
  const schema = new Schema<ConsoleSessionDoc>(
    {
      _id: { type: String, required: true },
      claims: { type: Schema.Types.Mixed, required: true },
      expiresAt: { type: Date, required: true },
      createdAt: { type: Date, required: true },
    },
    { collection: 'console_sessions', versionKey: false },
  );
  return connection.model<ConsoleSessionDoc>('ConsoleSession', schema);
}

export interface ConsoleSessions {
  /** Starts a session for verified claims; returns the id for the cookie. */
  start(claims: Claims, now?: Date): Promise<string>;
  /** The claims of a live session, or undefined (unknown, ended or expired). */
  find(id: string, now?: Date): Promise<Claims | undefined>;
  end(id: string): Promise<void>;
  /** Ends every session of an organisation's people (an erasure); returns how many. */
  endAllOf(organisationId: string): Promise<number>;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

export function consoleSessions(model: Model<ConsoleSessionDoc>): ConsoleSessions {
  return {
    start: async (claims, now = new Date()) => {
      // Expired sessions go when a new one starts: sign-ins are rare, and the collection stays as small as the live sessions.
      await model.deleteMany({ expiresAt: { $lte: now } });
      const id = randomBytes(32).toString('base64url');
      await model.create({ _id: hashOf(id), claims, expiresAt: new Date(claims.exp * 1000), createdAt: now });
      return id;
    },
    find: async (id, now = new Date()) => {
      if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
      const doc = await model.findById(hashOf(id)).lean<ConsoleSessionDoc>().exec();
      return doc && doc.expiresAt > now ? doc.claims : undefined;
    },
    end: async (id) => {
      await model.deleteOne({ _id: hashOf(id) });
    },
    endAllOf: async (organisationId) => (await model.deleteMany({ 'claims.org': organisationId }).exec()).deletedCount,
  };
}
