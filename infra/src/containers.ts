/**
 * The same three roles as containers (testcontainers 11), for machines with a container engine.
 * Official images: apache/kafka:3.9.1 (KRaft single node), mongo:7, maildev/maildev.
 * UNTESTED on the development machines (no container engine there); see docs/decisions/0003.
 *
 * Kafka advertises a host:port that clients must reach, so instead of a random mapped port we
 * pick a free host port P, make the broker listen on P inside the container too and bind
 * host P -> container P; the advertised listener is then <runtime host>:P.
 */
import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';
import type { Endpoints, RunningInfra } from './index';
import { findFreePort, seconds } from './process';

export const IMAGES = {
  kafka: 'apache/kafka:3.9.1',
  mongo: 'mongo:7',
  maildev: 'maildev/maildev:2.2.1',
} as const;

export interface ContainerStart {
  ports: 'default' | 'ephemeral';
  mailCatcher: boolean;
  log: (line: string) => void;
}

function defaultPort(envName: string, fallback: number): number {
  return process.env[envName] ? Number(process.env[envName]) : fallback;
}

async function startKafkaContainer(
  host: string,
  ports: 'default' | 'ephemeral',
): Promise<{ container: StartedTestContainer; brokers: string[] }> {
  const port = ports === 'ephemeral' ? await findFreePort() : defaultPort('KOPPEL_KAFKA_PORT', 9092);
  const container = await new GenericContainer(IMAGES.kafka)
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${port},CONTROLLER://0.0.0.0:29093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:29093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
      KAFKA_HEAP_OPTS: '-Xmx384m -Xms128m',
    })
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .start();
  return { container, brokers: [`${host}:${port}`] };
}

async function startMongoContainer(ports: 'default' | 'ephemeral'): Promise<{ container: StartedTestContainer; mongoUri: string }> {
  const builder = new GenericContainer(IMAGES.mongo)
    .withCommand(['mongod', '--bind_ip_all', '--quiet'])
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .withStartupTimeout(120_000);
  const container = await (ports === 'ephemeral'
    ? builder.withExposedPorts(27017)
    : builder.withExposedPorts({ container: 27017, host: defaultPort('KOPPEL_MONGO_PORT', 27017) })
  ).start();
  return { container, mongoUri: `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/` };
}

async function startMaildevContainer(
  ports: 'default' | 'ephemeral',
): Promise<{ container: StartedTestContainer; smtp: { host: string; port: number }; inboxUrl: string }> {
  const builder = new GenericContainer(IMAGES.maildev).withWaitStrategy(Wait.forListeningPorts()).withStartupTimeout(60_000);
  const container = await (ports === 'ephemeral'
    ? builder.withExposedPorts(1025, 1080)
    : builder.withExposedPorts(
        { container: 1025, host: defaultPort('KOPPEL_SMTP_PORT', 1025) },
        { container: 1080, host: defaultPort('KOPPEL_INBOX_PORT', 1080) },
      )
  ).start();
  const host = container.getHost();
  return { container, smtp: { host, port: container.getMappedPort(1025) }, inboxUrl: `http://${host}:${container.getMappedPort(1080)}/` };
}

export async function startContainers(s: ContainerStart): Promise<RunningInfra> {
  const started = Date.now();
  const client = await getContainerRuntimeClient();
  const host = client.info.containerRuntime.host;
  s.log(`containers: runtime host ${host}; pulling/starting ${Object.values(IMAGES).join(', ')} ...`);
  const results = await Promise.allSettled([
    startKafkaContainer(host, s.ports),
    startMongoContainer(s.ports),
    s.mailCatcher ? startMaildevContainer(s.ports) : Promise.resolve(undefined),
  ]);
  const containers = results.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value.container] : []));
  const stop = async (): Promise<void> => {
    await Promise.all(containers.map((c) => c.stop().catch(() => undefined)));
  };
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const [kafka, mongo, maildev] = results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    Awaited<ReturnType<typeof startKafkaContainer>>,
    Awaited<ReturnType<typeof startMongoContainer>>,
    Awaited<ReturnType<typeof startMaildevContainer>> | undefined,
  ];
  const endpoints: Endpoints = { kafkaBrokers: kafka.brokers, mongoUri: mongo.mongoUri };
  const logs: Record<string, string> = {
    kafka: `container ${kafka.container.getId().slice(0, 12)} (docker logs)`,
    mongo: `container ${mongo.container.getId().slice(0, 12)} (docker logs)`,
  };
  if (maildev) {
    endpoints.smtp = maildev.smtp;
    endpoints.mailInboxUrl = maildev.inboxUrl;
    logs.maildev = `container ${maildev.container.getId().slice(0, 12)} (docker logs)`;
  }
  s.log(`containers: ready in ${seconds(Date.now() - started)}`);
  return { mode: 'containers', endpoints, logs, stop };
}
