/**
 * Kafka itself, for tools that need more than the transport (benchmarks, the fault
 * campaign, topic readers in tests): services use `createKafkaTransport` only.
 */
export * from './client';
export * from './headers';
export * from './read-topic';
export * from './topics';
export * from './transport';
