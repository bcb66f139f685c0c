import { Kafka, logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@koppel/logging';

// kafkajs warns about its partitioner change on every producer; the default
// (murmur2, Java-compatible) is what we want, so the warning is noise.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/** A kafkajs client whose own log lines go through our structured logger. */
export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      const fields = { namespace: entry.namespace, ...rest };
      if (entry.level <= KafkaLogLevel.ERROR) log.error(message, fields);
      else if (entry.level === KafkaLogLevel.WARN) log.warn(message, fields);
      else log.debug(message, fields);
    },
  });
}
