import { createLogger } from '@koppel/logging';
import { readTestStack } from '@koppel/testkit';
import { createKafkaTransport } from '../src';
import { transportContract } from './transport-contract';

const stack = readTestStack();
const run = `${stack.namespace}-tc-${Date.now()}`;

transportContract(
  'Kafka',
  () =>
    createKafkaTransport({
      brokers: stack.kafkaBrokers,
      clientId: 'transport-contract',
      logger: createLogger('test', { write: () => undefined }),
    }),
  (suffix) => `${run}.${suffix}`,
  (suffix) => `${run}-${suffix}`,
);
