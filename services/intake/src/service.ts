import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { ALL_TOPICS } from '@koppel/contracts';
import { closeServer, createApp, finishApp, listen } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { createKafka, ensureTopics, Publisher, startOutboxRelay } from '@koppel/messaging';
import type { IntakeConfig } from './config';
import { listingRoutes, offerKind, requestKind } from './routes/listings';
import { createIntakeModels } from './store/models';

export interface RunningIntake {
  url: string;
  stop(): Promise<void>;
}

/** Starts the intake API: HTTP in, MongoDB for state, Kafka out through the outbox. */
export async function startIntake(config: IntakeConfig, logger: Logger): Promise<RunningIntake> {
  const connection = await mongoose.createConnection(config.MONGO_URI, { dbName: config.INTAKE_DB, serverSelectionTimeoutMS: 10000 }).asPromise();
  const models = createIntakeModels(connection);
  await Promise.all([models.offers.init(), models.requests.init()]);

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'koppel-intake', logger });
  await ensureTopics(kafka, ALL_TOPICS);
  const publisher = new Publisher(kafka);
  await publisher.connect();
  const relay = startOutboxRelay({ models: [models.offers, models.requests], publisher, logger, intervalMs: config.OUTBOX_INTERVAL_MS });
  // Events a previous process stored but did not publish go out now.
  await relay.drain();

  const hooks = {
    afterWrite: () => {
      if (!config.INTAKE_FAULT_CRASH_AFTER_WRITE) return;
      logger.warn('fault injection: crashing after the database write, before publishing');
      process.kill(process.pid, 'SIGKILL');
    },
    publishSoon: () => relay.nudge(),
  };

  const app = createApp({ logger, health: async () => ({ database: connection.readyState === 1 ? 'up' : 'down' }) });
  app.use('/offers', listingRoutes(offerKind, models.offers, hooks));
  app.use('/requests', listingRoutes(requestKind, models.requests, hooks));
  finishApp(app, logger);
  const server: Server = await listen(app, config.INTAKE_PORT, config.INTAKE_HOST);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.INTAKE_PORT;
  const url = `http://${config.INTAKE_HOST}:${port}`;
  logger.info('intake listening', { url });

  return {
    url,
    stop: async () => {
      await closeServer(server);
      await relay.stop();
      await publisher.disconnect();
      await connection.close();
    },
  };
}
