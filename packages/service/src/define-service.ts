import type { Server } from 'node:http';
import type { Express } from 'express';
import mongoose, { type ConnectOptions, type Connection } from 'mongoose';
import { ALL_TOPICS } from '@koppel/contracts';
import { type AppOptions, closeServer, createApp, finishApp, listen, onShutdownSignal, type ReadyCheck, serverUrl } from '@koppel/http';
import { createLogger, type Logger } from '@koppel/logging';
import {
  brokerCheck,
  consumerCheck,
  createKafkaTransport,
  databaseCheck,
  type OutboxRelay,
  type OutboxRelayOptions,
  Publisher,
  retryInBackground,
  type Subscription,
  type SubscriptionOptions,
  startOutboxRelay,
  subscribeWhenReachable,
  type Transport,
} from '@koppel/messaging';
import { createUniqueIndexes, serverUsesSecondaryIndexes } from './secondary-indexes';

/** Settings every service's config has (see `commonEnvSchema` in @koppel/config). */
export interface CommonServiceConfig {
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
}

/** A database on a MongoDB-protocol server. */
export interface DatabaseSettings {
  uri: string;
  dbName: string;
  options?: ConnectOptions;
}

/** What a service runs on, read from its config. */
export interface ServiceInfrastructure {
  http: { port: number; host: string };
  /** Its own database; none for a service that holds no data (the portal). */
  database?: DatabaseSettings;
  /**
   * Further databases by name, each on a connection of its own (`scope.connectionTo(name)`): a read model
   * whose writes must not queue behind the service's own on FerretDB's one connection (decision 0010, 0027).
   */
  databases?: Record<string, DatabaseSettings>;
  /** The broker; none for a service that neither consumes nor publishes. */
  kafka?: { brokers: string[]; clientId: string; maxCompactionLagMs: number };
}

/** Where a service's messages go instead of Kafka: an in-process transport for component tests (createMemoryTransport). */
export interface StartOptions {
  transport?: Transport;
}

/** Something started during setup that must stop with the service (timers, schedulers, sweepers). */
export interface Stoppable {
  stop(): Promise<void> | void;
}

/**
 * What a service's `setup` gets: the opened infrastructure, and ways to start the
 * common parts (outbox relay, consumer, background work) so that readiness and
 * shutdown cover them without each service wiring that again.
 */
export interface ServiceScope {
  logger: Logger;
  /** The service's database connection (throws for a service without one). */
  readonly connection: Connection;
  /** The connection to one of `infrastructure.databases` (throws for a name it does not list). */
  connectionTo(name: string): Connection;
  /** The broker (throws for a service without one): Kafka, or the in-process transport of a component test. */
  readonly transport: Transport;
  readonly publisher: Publisher;
  /** Resolves once koppel's topics exist (created in the background while the broker is away). */
  topicsReady(): boolean;
  /** Starts the outbox relay over these models, nudged at once for what a previous process left; readiness reports what it parked. */
  outbox(models: OutboxRelayOptions['models'], options?: Pick<OutboxRelayOptions, 'intervalMs' | 'sweepIntervalMs'>): OutboxRelay;
  /**
   * Follows topics (once the broker can be reached); readiness says whether the consumer runs:
   * the first consumer as `consumer`, each further one (its own group) as `consumer:<groupId>`.
   */
  consume(options: Omit<SubscriptionOptions, 'transport' | 'publisher' | 'logger'>): Subscription;
  /** Background work (timers, schedulers) that stops with the service: everything stops in the reverse order it started. */
  own<T extends Stoppable>(thing: T): T;
}

/** What `setup` returns: the HTTP side of the service, and what the caller of `start` may reach. */
export interface ServiceSetup<Exposed> {
  /** Mounts the service's routes and pages on its app (before the 404 and error handlers). */
  routes(app: Express): void;
  /** Details for `/healthz`. */
  health?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Readiness checks besides the database, broker, consumer and outbox ones. */
  ready?: Record<string, ReadyCheck>;
  /** Options of the express app (body parsing, Content-Security-Policy). */
  app?: Omit<AppOptions, 'logger' | 'health' | 'ready'>;
  /** Fields of the "listening" log line. */
  announce?: (url: string) => Record<string, string>;
  /** What `start` hands back besides `url` and `stop` (for tests and tools). */
  exposed?: Exposed;
}

export interface ServiceDefinition<C extends CommonServiceConfig, Exposed> {
  name: string;
  infrastructure(config: C): ServiceInfrastructure;
  /** Builds the service on its infrastructure: stores, event handlers, use cases, routes. */
  setup(scope: ServiceScope, config: C): Promise<ServiceSetup<Exposed>>;
}

export type RunningService<Exposed> = { url: string; stop(): Promise<void> } & Exposed;

export interface DefinedService<C extends CommonServiceConfig, Exposed> {
  name: string;
  /** Opens the infrastructure, runs `setup`, listens; `stop` closes everything in reverse order. */
  start(config: C, logger: Logger, options?: StartOptions): Promise<RunningService<Exposed>>;
  /** The whole `main`: config validated (failing with the variable's name), started, stopped on SIGTERM/SIGINT. */
  main(loadConfig: () => C): void;
}

/**
 * One start-up and shutdown for every service: the database connection, the broker
 * client and topics, the outbox relay, the consumer, the express app with /healthz,
 * /readyz and /metrics, and the HTTP server; stopped in the reverse order.
 */
export function defineService<C extends CommonServiceConfig, Exposed = object>(
  definition: ServiceDefinition<C, Exposed>,
): DefinedService<C, Exposed> {
  const start = async (config: C, logger: Logger, options: StartOptions = {}): Promise<RunningService<Exposed>> => {
    const infrastructure = definition.infrastructure(config);
    const stops: Array<() => Promise<void> | void> = [];
    const checks: Record<string, ReadyCheck> = {};
    const stopAll = async () => {
      for (const stop of stops.reverse()) await stop();
    };
    try {
      const connections: Connection[] = [];
      const scope = await openScope(infrastructure, logger, stops, checks, options.transport, connections);
      const setup = await definition.setup(scope, config);
      for (const connection of connections) if (!connection.config.autoIndex) await createUniqueIndexes(connection);
      const app = createApp({
        ...setup.app,
        logger,
        health: setup.health ?? (() => ({})),
        ready: { ...checks, ...setup.ready },
      });
      setup.routes(app);
      finishApp(app, logger);
      const server: Server = await listen(app, infrastructure.http.port, infrastructure.http.host);
      stops.push(() => closeServer(server));
      const url = serverUrl(server, infrastructure.http.host);
      logger.info(`${definition.name} listening`, { url, ...setup.announce?.(url) });
      return { ...(setup.exposed as Exposed), url, stop: stopAll };
    } catch (error) {
      await stopAll().catch(() => undefined);
      throw error;
    }
  };
  return {
    name: definition.name,
    start,
    main: (loadConfig) => {
      (async () => {
        const config = loadConfig();
        const logger = createLogger(definition.name, { level: config.LOG_LEVEL });
        const running = await start(config, logger);
        onShutdownSignal(logger, running.stop);
      })().catch((error) => {
        process.stderr.write(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      });
    },
  };
}

/**
 * Opens what the service runs on and returns the scope its setup builds with.
 * Everything opened or started is pushed onto `stops` (run in reverse), its
 * readiness onto `checks`, and each database connection onto `connections`.
 */
async function openScope(
  infrastructure: ServiceInfrastructure,
  logger: Logger,
  stops: Array<() => Promise<void> | void>,
  checks: Record<string, ReadyCheck>,
  givenTransport: Transport | undefined,
  connections: Connection[],
): Promise<ServiceScope> {
  const open = async ({ uri, dbName, options }: DatabaseSettings, check: string): Promise<Connection> => {
    // Models build their indexes only where the server uses them (decision 0030); decided before any model exists.
    const opened = await mongoose
      .createConnection(uri, { serverSelectionTimeoutMS: 10_000, ...options, dbName, autoIndex: false })
      .asPromise();
    stops.push(() => opened.close());
    const indexed = await serverUsesSecondaryIndexes(opened);
    opened.set('autoIndex', indexed);
    if (!indexed) logger.info('secondary indexes left out: the server answers no filter but _id from an index', { dbName });
    connections.push(opened);
    checks[check] = databaseCheck(opened);
    return opened;
  };
  const connection = infrastructure.database ? await open(infrastructure.database, 'database') : undefined;
  const named = new Map<string, Connection>();
  for (const [name, settings] of Object.entries(infrastructure.databases ?? {})) named.set(name, await open(settings, `database:${name}`));

  let transport: Transport | undefined;
  let publisher: Publisher | undefined;
  let topicsCreated = false;
  let topics: { done: Promise<void> } | undefined;
  if (infrastructure.kafka) {
    const { brokers, clientId, maxCompactionLagMs } = infrastructure.kafka;
    const opened = givenTransport ?? createKafkaTransport({ brokers, clientId, logger });
    stops.push(() => opened.close());
    checks.broker = brokerCheck(opened);
    // The broker may be away: the service starts anyway, and the topics are created once it answers.
    const creating = retryInBackground(
      'creating topics',
      async () => {
        await opened.ensureTopics(ALL_TOPICS, { maxCompactionLagMs });
        topicsCreated = true;
      },
      logger,
    );
    stops.push(() => creating.stop());
    transport = opened;
    publisher = new Publisher(opened);
    topics = creating;
  }

  let consumers = 0;
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`this service has no ${what} (see its infrastructure())`);
    return value;
  };
  return {
    logger,
    get connection() {
      return required(connection, 'database');
    },
    connectionTo: (name) => required(named.get(name), `database named ${name}`),
    get transport() {
      return required(transport, 'broker');
    },
    get publisher() {
      return required(publisher, 'broker');
    },
    topicsReady: () => topicsCreated,
    outbox: (models, options) => {
      const relay = startOutboxRelay({ models, publisher: required(publisher, 'broker'), logger, ...options });
      stops.push(() => relay.stop());
      checks.outbox = async () => ({ ok: true, parked: relay.parkedCount() });
      // What a previous process stored and did not publish goes out now, and again once the topics exist.
      relay.nudge();
      void topics?.done.then(() => relay.nudge());
      return relay;
    },
    consume: (options) => {
      const subscription = subscribeWhenReachable({
        prepare: async () => {
          await topics?.done;
        },
        publisher: required(publisher, 'broker'),
        logger,
        ...options,
        transport: required(transport, 'broker'),
      });
      stops.push(() => subscription.stop());
      // The first consumer's check keeps its name; each further one (another group) gets its own beside it.
      checks[consumers === 0 ? 'consumer' : `consumer:${options.groupId}`] = consumerCheck(subscription);
      consumers += 1;
      return subscription;
    },
    own: (thing) => {
      stops.push(() => thing.stop());
      return thing;
    },
  };
}
