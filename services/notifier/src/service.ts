import type { Server } from 'node:http';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { ALL_TOPICS, TOPICS } from '@koppel/contracts';
import { closeServer, createApp, finishApp, listen } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { createKafka, ensureTopics, Publisher, subscribe } from '@koppel/messaging';
import type { NotifierConfig } from './config';
import { handleDecidedEvent } from './handlers/decided';
import { createDeliveryModel } from './store/deliveries';

export interface RunningNotifier {
  url: string;
  stop(): Promise<void>;
}

/** Starts the notifier: approved matches in from Kafka, mails out over SMTP. */
export async function startNotifier(config: NotifierConfig, logger: Logger): Promise<RunningNotifier> {
  const connection = await mongoose.createConnection(config.MONGO_URI, { dbName: config.NOTIFIER_DB, serverSelectionTimeoutMS: 10000 }).asPromise();
  const deliveries = createDeliveryModel(connection);
  await deliveries.init();

  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
  });

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'koppel-notifier', logger });
  await ensureTopics(kafka, ALL_TOPICS);
  const publisher = new Publisher(kafka);
  await publisher.connect();
  const subscription = await subscribe({
    kafka,
    publisher,
    groupId: config.NOTIFIER_GROUP_ID,
    topics: [TOPICS.matchesDecided],
    logger,
    handler: (event) => handleDecidedEvent(event, { deliveries, transport, from: config.MAIL_FROM, logger }),
  });

  const app = createApp({ logger, health: () => ({ database: connection.readyState === 1 ? 'up' : 'down' }) });
  finishApp(app, logger);
  const server: Server = await listen(app, config.NOTIFIER_PORT, config.NOTIFIER_HOST);
  const address = server.address();
  const url = `http://${config.NOTIFIER_HOST}:${typeof address === 'object' && address ? address.port : config.NOTIFIER_PORT}`;
  logger.info('notifier running', { url });

  return {
    url,
    stop: async () => {
      await closeServer(server);
      await subscription.stop();
      await publisher.disconnect();
      transport.close();
      await connection.close();
    },
  };
}
