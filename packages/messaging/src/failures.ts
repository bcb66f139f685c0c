/**
 * Telling transient failures (retry until they pass) from permanent ones (park the
 * message in its dead-letter topic). A database or broker that is away, a time-out,
 * or a mail server that answers 4xx or cannot be reached will work again; a message
 * that fails its schema, a validation error or a mail server's 5xx never will.
 */
export type FailureKind = 'transient' | 'permanent' | 'unknown';

/** Thrown by a handler that knows retrying cannot help (the message goes to the dead-letter topic at once). */
export class PermanentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

/** Thrown by a handler that knows the failure will pass (retried without limit). */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/** The MongoDB driver's and mongoose's errors for a server that cannot be reached or did not answer in time. */
const TRANSIENT_DATABASE_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoOperationTimeoutError',
  'MongoWaitQueueTimeoutError',
]);

/** kafkajs errors that are not about the broker being unreachable or slow. */
const PERMANENT_KAFKA_ERRORS = new Set([
  'KafkaJSInvalidTopic',
  'KafkaJSInvalidVarIntError',
  'KafkaJSInvalidLongError',
  'KafkaJSTopicMetadataNotLoaded',
]);

/** Socket-level failures: the other side is away or the network is. */
const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'ETLS',
]);

const PERMANENT_NAMES = new Set([
  'PermanentError',
  'ValidationError',
  'CastError',
  'StrictModeError',
  'ZodError',
  'InvalidEventError',
  'SyntaxError',
]);

interface ErrorFields {
  name?: string;
  code?: unknown;
  responseCode?: unknown;
  retriable?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** Whether retrying the operation that threw this may succeed later. Looks through `cause` chains. */
export function classifyFailure(error: unknown): FailureKind {
  for (
    let e = error as ErrorFields | undefined, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = e.cause as ErrorFields | undefined, depth++
  ) {
    const kind = classifyOne(e);
    if (kind !== 'unknown') return kind;
  }
  return 'unknown';
}

function classifyOne(e: ErrorFields): FailureKind {
  const name = String(e.name ?? '');
  if (name === 'TransientError') return 'transient';
  if (PERMANENT_NAMES.has(name)) return 'permanent';
  // SMTP: 4xx is "try again later", 5xx is a refusal (RFC 5321 §4.2.1).
  if (typeof e.responseCode === 'number') return e.responseCode >= 500 ? 'permanent' : e.responseCode >= 400 ? 'transient' : 'unknown';
  if (TRANSIENT_DATABASE_ERRORS.has(name)) return 'transient';
  // mongoose queues operations while disconnected and fails them after `bufferTimeoutMS`.
  if (name === 'MongooseError' && /buffering timed out/i.test(String(e.message))) return 'transient';
  if (name.startsWith('KafkaJS')) return PERMANENT_KAFKA_ERRORS.has(name) ? 'permanent' : 'transient';
  if (typeof e.code === 'string' && TRANSIENT_SOCKET_CODES.has(e.code)) return 'transient';
  if (e.retriable === true) return 'transient';
  return 'unknown';
}

/** Capped exponential backoff with full jitter on its upper half: `[d/2, d]` where d = min(cap, base·2^(attempt-1)). */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
