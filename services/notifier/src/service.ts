import type { Server } from 'node:http';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { ALL_TOPICS, TOPICS } from '@koppel/contracts';
import { API_POLICY, closeServer, contentSecurityPolicy, createApp, finishApp, listen, serverUrl } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import {
  brokerCheck,
  consumerCheck,
  createKafka,
  databaseCheck,
  ensureTopics,
  Publisher,
  startOutboxRelay,
  subscribeWhenReachable,
} from '@koppel/messaging';
import type { NotifierConfig } from './config';
import { answerLinksFor, handleMatchEvent } from './handlers/match-events';
import { sendClaimed, type DeliveryDeps } from './mail/deliver-once';
import { eraseOrganisationFromMail } from './erasure/erase-organisation';
import { startRetention } from './mail/purge-old-records';
import { startStrandedDeliverySweeper } from './mail/sweep-stranded-deliveries';
import { renderApprovedMatchMail, renderConfirmedMatchMail } from './mail/templates';
import { previewRoutes } from './preview/routes';
import { createDeliveryModel } from './store/deliveries';
import { deliverSignInLinkOnce } from './sign-in/deliver-sign-in-link';
import { createSignInDeliveryModel } from './sign-in/deliveries';
import { collectForDigest, findDigestSource } from './digest/collect-for-digest';
import { startDigestScheduler } from './digest/send-due-digests';
import { createDigestItemModel, createDigestModel } from './digest/store';
import { addressedMatch } from './organisations/addresses';
import { mailPreferenceOf, recordOrganisationEvent } from './organisations/record-organisation';
import { createOrganisationModel } from './organisations/store';

export interface RunningNotifier {
  url: string;
  stop(): Promise<void>;
}

/** Starts the notifier: approved and confirmed matches and sign-in link requests in from Kafka, mails out over SMTP, mail outcomes back out through the outbox. */
export async function startNotifier(config: NotifierConfig, logger: Logger): Promise<RunningNotifier> {
  const connection = await mongoose
    .createConnection(config.MONGO_URI, {
      dbName: config.NOTIFIER_DB,
      maxPoolSize: config.MONGO_MAX_POOL_SIZE,
      serverSelectionTimeoutMS: 10000,
    })
    .asPromise();
  const deliveries = createDeliveryModel(connection);
  await deliveries.init();
  const signInDeliveries = createSignInDeliveryModel(connection);
  await signInDeliveries.init();
  const digestItems = createDigestItemModel(connection);
  await digestItems.init();
  const digests = createDigestModel(connection);
  await digests.init();
  const organisations = createOrganisationModel(connection);
  await organisations.init();

  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
    // nodemailer waits minutes by default; a mail server that hangs should count as a failed attempt soon (and be retried).
    connectionTimeout: config.SMTP_TIMEOUT_MS,
    greetingTimeout: config.SMTP_TIMEOUT_MS,
    socketTimeout: 2 * config.SMTP_TIMEOUT_MS,
  });

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'koppel-notifier', logger });
  const publisher = new Publisher(kafka);
  const relay = startOutboxRelay({
    models: [deliveries, digests],
    publisher,
    logger,
    intervalMs: config.OUTBOX_INTERVAL_MS,
    sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
  });
  relay.nudge(); // what a previous process stored and did not publish

  const links = { secret: config.ANSWER_LINK_SECRET, publicUrl: config.REVIEW_PUBLIC_URL, ttlDays: config.ANSWER_LINK_TTL_DAYS };
  const deps: DeliveryDeps = {
    deliveries,
    transport,
    from: config.MAIL_FROM,
    logger,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    publishSoon: (id) => relay.nudge(deliveries.modelName, id),
    render: (kind, source, recipient) =>
      kind === 'approved'
        ? renderApprovedMatchMail(
            { match: source.match, note: source.note, links: answerLinksFor(source.match.matchId, recipient, links) },
            recipient,
          )
        : renderConfirmedMatchMail({ match: source.match }, recipient),
    addressed: (match) => addressedMatch(organisations, match),
    collectForDigest: (source) => collectForDigest(digestItems, source),
    mailPreferenceOf: (provider) => mailPreferenceOf(organisations, provider),
    digestSourceOf: (matchId) => findDigestSource(digestItems, matchId),
  };
  const digestScheduler = startDigestScheduler(
    {
      items: digestItems,
      digests,
      transport,
      from: config.MAIL_FROM,
      logger,
      sendTime: config.DIGEST_SEND_TIME,
      timeZone: config.DIGEST_TIME_ZONE,
      leaseMs: Math.max(60_000, 4 * config.DIGEST_CHECK_INTERVAL_MS),
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
      linksFor: (source) => answerLinksFor(source.match.matchId, 'provider', links),
      publishSoon: (id) => relay.nudge(digests.modelName, id),
    },
    config.DIGEST_CHECK_INTERVAL_MS,
  );
  const retention = startRetention(
    {
      deliveries,
      signInDeliveries,
      digests,
      digestItems,
      mailDays: config.MAIL_RECORD_RETENTION_DAYS,
      signInDays: config.SIGNIN_DELIVERY_RETENTION_DAYS,
      logger,
    },
    config.RETENTION_INTERVAL_MS,
  );
  const strandedSweeper = startStrandedDeliverySweeper({
    deliveries,
    logger,
    leaseMs: config.MAIL_SENDING_LEASE_MS,
    sendClaimed: (id) => sendClaimed(id, deps),
  });
  // Starts while the broker is away and consumes once it is back (readiness says which).
  const subscription = subscribeWhenReachable({
    prepare: () => ensureTopics(kafka, ALL_TOPICS, { maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS }),
    kafka,
    publisher,
    groupId: config.NOTIFIER_GROUP_ID,
    topics: [TOPICS.matchesDecided, TOPICS.matchesAnswered, TOPICS.mails, TOPICS.signIn, TOPICS.organisations],
    logger,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    retryDelayMs: config.MAIL_RETRY_DELAY_MS,
    handler: async (event) => {
      if (event.type === 'signin.link-requested')
        await deliverSignInLinkOnce(event, {
          signInDeliveries,
          linkKey: config.SIGNIN_LINK_KEY,
          transport,
          from: config.MAIL_FROM,
          logger,
        });
      else if (event.type === 'organisation.created' || event.type === 'organisation.updated' || event.type === 'organisation.withdrawn')
        await recordOrganisationEvent(organisations, event);
      else if (event.type === 'organisation.erased') {
        await recordOrganisationEvent(organisations, event);
        await eraseOrganisationFromMail(event, { deliveries, signInDeliveries, digests, digestItems, logger });
      } else await handleMatchEvent(event, deps);
    },
  });

  const broker = brokerCheck(kafka);
  const app = createApp({
    logger,
    health: () => ({ database: connection.readyState === 1 ? 'up' : 'down' }),
    ready: {
      database: databaseCheck(connection),
      broker,
      consumer: consumerCheck(subscription),
      outbox: async () => ({ ok: true, parked: relay.parkedCount() }),
    },
  });
  // The previews show mails as sent: inline styles, no scripts.
  app.use('/previews', contentSecurityPolicy({ ...API_POLICY, 'style-src': ["'unsafe-inline'"], 'img-src': ['data:'] }), previewRoutes());
  finishApp(app, logger);
  const server: Server = await listen(app, config.NOTIFIER_PORT, config.NOTIFIER_HOST);
  const url = serverUrl(server, config.NOTIFIER_HOST);
  logger.info('notifier running', { url, previews: `${url}/previews` });

  return {
    url,
    stop: async () => {
      await closeServer(server);
      await digestScheduler.stop();
      await subscription.stop();
      await strandedSweeper.stop();
      await retention.stop();
      await relay.stop();
      await broker.close();
      await publisher.disconnect();
      transport.close();
      await connection.close();
    },
  };
}
