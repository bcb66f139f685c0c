/**
 * `npm run --silent dlq -- list|show|replay [--topic <t>] [--id <event-id>]`: the
 * dead-letter topics, for an operator with access to the broker (admin).
 *
 *   list                      counts per topic: parked, replayed, waiting
 *   list --topic <t>          every parked message of <t>: offset, event, reason, replayed?
 *   show --topic <t> --id <e> one parked event in full (headers and value)
 *   replay --topic <t>        sends every message not yet replayed back to <t>
 *   replay --topic <t> --id e only that event
 *
 * <t> is a source topic (koppel.offers.v1) or its dead-letter topic (koppel.offers.v1.dlq).
 * Replay is idempotent: each parked message is replayed once (recorded in
 * <t>.dlq.replayed), and the consumers ignore an event they already handled.
 * Fix the cause first (deploy the fix, or correct the data): a message that fails
 * the same way is parked again. The broker: KAFKA_BROKERS (default 127.0.0.1:9092, the demo's).
 */
import { z } from 'zod';
import { TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import {
  createKafkaTransport,
  deadLetterCounts,
  listDeadLetters,
  replayDeadLetters,
  sourceTopicOf,
  type Transport,
} from '@koppel/messaging';

const Args = z.object({
  command: z.enum(['list', 'show', 'replay'], { message: 'the first argument must be list, show or replay' }),
  topic: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
});
const Env = z.object({ KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092') });

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const parsed = Args.safeParse({ command: argv[0], topic: value('--topic'), id: value('--id') });
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
  const args = parsed.data!;
  if ((args.command === 'show' || args.command === 'replay') && !args.topic) fail(`${args.command} needs --topic <topic>`);
  if (args.command === 'show' && !args.id) fail('show needs --id <event-id>');
  return args;
}

function fail(message: string): never {
  process.stderr.write(`dlq: ${message}\nusage: npm run --silent dlq -- list|show|replay [--topic <topic>] [--id <event-id>]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = Env.parse(process.env);
  const logger = createLogger('dlq', { level: 'error' });
  const transport = createKafkaTransport({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'koppel-dlq', logger });
  const topic = args.topic ? sourceTopicOf(args.topic) : undefined;
  try {
    await run(args, transport, topic);
  } finally {
    await transport.close();
  }
}

async function run(args: z.infer<typeof Args>, transport: Transport, topic: string | undefined): Promise<void> {
  if (args.command === 'list' && !topic) {
    const counts = await deadLetterCounts(transport, Object.values(TOPICS));
    console.log(['topic'.padEnd(32), 'parked', 'replayed', 'waiting'].join('  '));
    for (const c of counts)
      console.log(
        [c.topic.padEnd(32), String(c.parked).padStart(6), String(c.replayed).padStart(8), String(c.waiting).padStart(7)].join('  '),
      );
    return;
  }
  const letters = await listDeadLetters(transport, topic!);
  if (args.command === 'list') {
    for (const l of letters)
      console.log(
        [
          `${l.partition}/${l.offset}`,
          l.eventId ?? '-',
          l.eventType ?? '-',
          l.failedAt ?? '-',
          l.replayedAt ? `replayed ${l.replayedAt}` : 'waiting',
          l.reason ?? '',
        ].join('\t'),
      );
    process.stderr.write(`${letters.length} parked in ${topic}.dlq, ${letters.filter((l) => !l.replayedAt).length} waiting\n`);
    return;
  }
  if (args.command === 'show') {
    const found = letters.filter((l) => l.eventId === args.id);
    if (found.length === 0) fail(`no parked event ${args.id} in ${topic}.dlq`);
    for (const l of found) console.log(JSON.stringify({ ...l, value: parseJson(l.value) }, null, 2));
    return;
  }
  if (args.id && !letters.some((l) => l.eventId === args.id)) fail(`no parked event ${args.id} in ${topic}.dlq`);
  const replayed = await replayDeadLetters(transport, topic!, { eventId: args.id });
  for (const l of replayed)
    console.log(`replayed ${l.eventId ?? `${l.partition}/${l.offset}`} (${l.eventType ?? 'unknown type'}) to ${topic}`);
  console.log(
    `replayed=${replayed.length} already_replayed=${letters.filter((l) => l.replayedAt && (!args.id || l.eventId === args.id)).length}`,
  );
}

function parseJson(value: string | null): unknown {
  try {
    return value === null ? null : JSON.parse(value);
  } catch {
    return value;
  }
}

main().catch((error) => {
  process.stderr.write(`dlq: ${(error as Error).message}\n`);
  process.exit(1);
});
