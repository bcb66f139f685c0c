import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { ALL_TOPICS } from '@koppel/contracts';
import {
  API_POLICY,
  bodyParsers,
  closeServer,
  contentSecurityPolicy,
  corsFor,
  createApp,
  finishApp,
  listen,
  serverUrl,
} from '@koppel/http';
import type { Logger } from '@koppel/logging';
import {
  brokerCheck,
  createKafka,
  databaseCheck,
  ensureTopics,
  Publisher,
  retryInBackground,
  startOutboxRelay,
  type PendingEvent,
} from '@koppel/messaging';
import { authenticate } from './auth/authenticate';
import { rateLimit } from './auth/rate-limit';
import type { IntakeConfig } from './config';
import { MAX_INPUT_DEPTH, MAX_INPUT_VALUES, rejectDangerousInput } from './http/input-guard';
import { noStore } from './http/no-store';
import { databaseUnavailableHandler } from './http/unavailable';
import { docsPage } from './openapi/docs-page';
import { openApiDocument } from './openapi/document';
import { listingRoutes, offerKind, requestKind } from './routes/listings';
import { organisationRoutes } from './routes/organisations';
import { signInRoutes } from './routes/sign-in';
import { activeOrganisations } from './store/active-organisations';
import { createIntakeModels } from './store/models';

export interface RunningIntake {
  url: string;
  stop(): Promise<void>;
}

/** Starts the intake API: HTTP in, MongoDB for state, Kafka out through the outbox. */
export async function startIntake(config: IntakeConfig, logger: Logger): Promise<RunningIntake> {
  // No command buffering, and a socket time-out: while the database is away or hangs, a
  // request answers 503 within about INTAKE_DB_TIMEOUT_MS instead of waiting for it.
  const connection = await mongoose
    .createConnection(config.MONGO_URI, {
      dbName: config.INTAKE_DB,
      maxPoolSize: config.MONGO_MAX_POOL_SIZE,
      serverSelectionTimeoutMS: config.INTAKE_DB_TIMEOUT_MS,
      socketTimeoutMS: config.INTAKE_DB_TIMEOUT_MS,
      connectTimeoutMS: Math.min(3000, config.INTAKE_DB_TIMEOUT_MS),
      bufferCommands: false,
    })
    .asPromise();
  const models = createIntakeModels(connection);
  await Promise.all([models.offers.init(), models.requests.init(), models.organisations.init()]);

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'koppel-intake', logger });
  // The broker may be away: intake still starts and stores writes with their events
  // in its outbox; the relay publishes them once the topics exist and the broker answers.
  let topicsReady = false;
  const topics = retryInBackground(
    'creating topics',
    async () => {
      await ensureTopics(kafka, ALL_TOPICS, { maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS });
      topicsReady = true;
    },
    logger,
  );
  const publisher = new Publisher(kafka);
  const relay = startOutboxRelay({
    models: [models.offers, models.requests, models.organisations],
    publisher,
    logger,
    intervalMs: config.OUTBOX_INTERVAL_MS,
    sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
  });
  // Events a previous process stored but did not publish go out as soon as they can.
  relay.nudge();
  void topics.done.then(() => relay.nudge());
  const broker = brokerCheck(kafka);

  const hooks = {
    afterWrite: () => {
      if (!config.INTAKE_FAULT_CRASH_AFTER_WRITE) return;
      logger.warn('fault injection: crashing after the database write, before publishing');
      process.kill(process.pid, 'SIGKILL');
    },
    publishSoon: (modelName: string, id: string, handed?: Record<string, PendingEvent>) => relay.nudge(modelName, id, handed),
  };

  const app = createApp({
    logger,
    parseBodies: 'routes',
    health: async () => ({ database: connection.readyState === 1 ? 'up' : 'down' }),
    ready: {
      database: databaseCheck(connection),
      broker,
      topics: async () => ({ ok: topicsReady }),
      outbox: async () => ({ ok: true, parked: relay.parkedCount() }),
    },
  });
  // Behind a reverse proxy the client's address (per-address rate limits) comes from X-Forwarded-For, if told so.
  app.set(
    'trust proxy',
    /^\d+$/.test(config.INTAKE_TRUST_PROXY)
      ? Number(config.INTAKE_TRUST_PROXY)
      : config.INTAKE_TRUST_PROXY === 'true'
        ? true
        : config.INTAKE_TRUST_PROXY === 'false'
          ? false
          : config.INTAKE_TRUST_PROXY,
  );
  // Bodies are read only where a route takes one, after the token (or the sign-in rate limit)
  // admitted the client: an anonymous attacker's body is never parsed (issue #11).
  const readBody = [
    ...bodyParsers({ bodyLimit: config.INTAKE_BODY_LIMIT, jsonLimits: { depth: MAX_INPUT_DEPTH, values: MAX_INPUT_VALUES } }),
    rejectDangerousInput,
  ];

  // Public: the API description and the sign-in exchange (rate-limited per client address).
  const document = openApiDocument();
  const page = docsPage(document);
  app.get('/openapi.json', noStore, (_req, res) => void res.json(document));
  // The API reference page carries its styles inline.
  app.get(
    '/docs',
    contentSecurityPolicy({ ...API_POLICY, 'style-src': ["'unsafe-inline'"] }),
    (_req, res) => void res.type('html').send(page),
  );
  const perAddress = rateLimit(Math.max(10, Math.floor(config.INTAKE_RATE_LIMIT_PER_MINUTE / 10)), (req) => `ip:${req.ip}`);
  // The console's sign-in pages post here from the broker's browser (docs/security.md).
  const signInCors = corsFor({ origins: config.INTAKE_CORS_ORIGINS, methods: ['POST'], headers: ['content-type'] });
  app.use('/auth', signInCors, noStore, perAddress, ...readBody, signInRoutes(models.organisations, config, hooks, logger));

  // Everything else needs a bearer token, and is rate-limited per token.
  const perToken = rateLimit(config.INTAKE_RATE_LIMIT_PER_MINUTE, (req) => `token:${req.principal?.jti ?? req.ip}`);
  const organisations = activeOrganisations(models.organisations);
  const standing = async (id: string) => (await organisations.get(id)) !== undefined;
  const guarded = [noStore, authenticate(config.AUTH_TOKEN_SECRET, standing), perToken, ...readBody];
  // The portal's pages call these from a school's or provider's browser with a bearer token.
  app.use(
    ['/offers', '/requests'],
    corsFor({
      origins: config.INTAKE_CORS_ORIGINS,
      methods: ['GET', 'POST', 'PUT'],
      headers: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
      exposeHeaders: ['ETag', 'Location', 'Idempotent-Replayed'],
    }),
  );
  // The portal lets a provider choose its mail preference from its browser.
  app.use(
    '/organisations',
    corsFor({ origins: config.INTAKE_CORS_ORIGINS, methods: ['GET', 'PUT'], headers: ['authorization', 'content-type'] }),
  );
  app.use('/offers', ...guarded, listingRoutes(offerKind, models.offers, organisations, hooks));
  app.use('/requests', ...guarded, listingRoutes(requestKind, models.requests, organisations, hooks));
  app.use(
    '/organisations',
    ...guarded,
    organisationRoutes(models.organisations, organisations, hooks, { offers: models.offers, requests: models.requests }),
  );
  app.use(databaseUnavailableHandler(logger));
  finishApp(app, logger);
  const server: Server = await listen(app, config.INTAKE_PORT, config.INTAKE_HOST);
  const url = serverUrl(server, config.INTAKE_HOST);
  logger.info('intake listening', { url });

  return {
    url,
    stop: async () => {
      await closeServer(server);
      topics.stop();
      await relay.stop();
      await broker.close();
      await publisher.disconnect();
      await connection.close();
    },
  };
}
