import { randomUUID } from 'node:crypto';
import { TOPICS } from '@koppel/contracts';
import { dispatch } from '@koppel/messaging';
import { defineService, type RunningService } from '@koppel/service';
import { publicCatalogue } from './app/catalogue/public-catalogue';
import { offerKind, requestKind } from './app/listings/kinds';
import type { OrganisationDeps } from './app/organisations/deps';
import type { Publication } from './app/publication';
import type { SignInDeps } from './app/sign-in/deps';
import { signInLinkRequests } from './app/sign-in/request-sign-in-link';
import { startSession } from './app/sign-in/start-session';
import type { IntakeConfig } from './config';
import type { SignUpDeps } from './app/sign-ups/deps';
import { catalogueEventHandlers } from './events/catalogue-events';
import { signUpEventHandlers } from './events/sign-up-events';
import { mountIntakeApi } from './http/intake-api';
import { openIntakeStore } from './store/intake-store';

export type RunningIntake = RunningService<object>;

/** The intake API: HTTP in, MongoDB for state, Kafka out through the outbox. */
export const intake = defineService<IntakeConfig>({
  name: 'intake',
  infrastructure: (config) => ({
    http: { port: config.INTAKE_PORT, host: config.INTAKE_HOST },
    database: {
      uri: config.MONGO_URI,
      dbName: config.INTAKE_DB,
      // No command buffering, and a socket time-out: while the database is away or hangs, a
      // request answers 503 within about INTAKE_DB_TIMEOUT_MS instead of waiting for it.
      options: {
        maxPoolSize: config.MONGO_MAX_POOL_SIZE,
        serverSelectionTimeoutMS: config.INTAKE_DB_TIMEOUT_MS,
        socketTimeoutMS: config.INTAKE_DB_TIMEOUT_MS,
        connectTimeoutMS: Math.min(3000, config.INTAKE_DB_TIMEOUT_MS),
        bufferCommands: false,
      },
    },
    // The broker may be away: intake still starts and stores writes with their events
    // in its outbox; the relay publishes them once the topics exist and the broker answers.
    kafka: {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? 'koppel-intake',
      maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS,
    },
  }),
  setup: async (scope, config) => {
    const { logger, connection } = scope;
    const store = await openIntakeStore(connection);
    const relay = scope.outbox(store.outboxModels, {
      intervalMs: config.OUTBOX_INTERVAL_MS,
      sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
    });
    const publication: Publication = {
      afterWrite: () => {
        if (!config.INTAKE_FAULT_CRASH_AFTER_WRITE) return;
        logger.warn('fault injection: crashing after the database write, before publishing');
        process.kill(process.pid, 'SIGKILL');
      },
      publishSoon: ({ model, id, handed }) => relay.nudge(model, id, handed),
    };

    const organisations = store.activeOrganisations;
    const organisationDeps: OrganisationDeps = {
      store: store.organisations,
      active: organisations,
      publication,
      listings: { offers: store.offers, requests: store.requests },
    };
    // The public catalogue, in memory: a group of its own per process, from the beginning of the compacted topics,
    // so every start (and every instance) rebuilds all active offers (decision 0028).
    const catalogue = publicCatalogue();
    scope.consume({
      groupId: `${config.INTAKE_CATALOGUE_GROUP_PREFIX}-${randomUUID()}`,
      topics: [TOPICS.offers, TOPICS.organisations],
      fromBeginning: true,
      handler: dispatch(catalogueEventHandlers(catalogue, (id) => organisations.forget(id))),
    });
    // Sign-ups (issue #13): the brokers' decisions come from review on koppel.signups.v1.
    const signUpDeps: SignUpDeps = {
      store: store.organisations,
      active: organisations,
      publication,
      logger,
      settings: config,
      listings: { offers: store.offers, requests: store.requests },
    };
    scope.consume({
      groupId: config.INTAKE_GROUP_ID,
      topics: [TOPICS.signUps],
      handler: dispatch(signUpEventHandlers(signUpDeps)),
    });
    const signInDeps: SignInDeps = { store: store.organisations, publication, logger, settings: config };
    const requestLink = signInLinkRequests(signInDeps);

    return {
      app: { parseBodies: 'routes' },
      health: () => ({ database: connection.readyState === 1 ? 'up' : 'down' }),
      ready: { topics: async () => ({ ok: scope.topicsReady() }) },
      routes: (app) =>
        mountIntakeApi(app, {
          config,
          logger,
          offers: { kind: offerKind, store: store.offers, organisations, publication },
          requests: { kind: requestKind, store: store.requests, organisations, publication },
          organisations: organisationDeps,
          signIn: { requestLink, startSession: (token) => startSession(signInDeps, token) },
          catalogue,
          signUps: signUpDeps,
          standing: async (id) => (await organisations.get(id)) !== undefined,
        }),
    };
  },
});

export const startIntake = intake.start;
