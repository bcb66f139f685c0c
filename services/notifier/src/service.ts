import nodemailer from 'nodemailer';
import { TOPICS } from '@koppel/contracts';
import { API_POLICY, contentSecurityPolicy } from '@koppel/http';
import { dispatch } from '@koppel/messaging';
import { defineService, type RunningService } from '@koppel/service';
import { answerLinksFor } from './app/answer-links';
import { addressedMatch } from './app/address-match';
import { collectForDigest, findDigestSource } from './app/collect-for-digest';
import type { MatchMailDeps } from './app/match-mails';
import { renderApprovedMatchMail, renderConfirmedMatchMail } from './app/mails/match';
import { startRetention } from './app/purge-old-records';
import { mailPreferenceOf } from './app/record-organisation';
import { startDigestScheduler } from './app/send-due-digests';
import { sendClaimed } from './app/deliver-match-mail';
import { startStrandedDeliverySweeper } from './app/sweep-stranded-deliveries';
import type { NotifierConfig } from './config';
import { notifierEventHandlers } from './events/notifier-events';
import { previewRoutes } from './http/previews';
import { openNotifierStores } from './store/open-stores';

export type RunningNotifier = RunningService<object>;

/** The notifier: approved and confirmed matches, sign-in link and sign-up mail requests in from Kafka, mails out over SMTP, mail outcomes back out through the outbox. */
export const notifier = defineService<NotifierConfig, object>({
  name: 'notifier',
  infrastructure: (config) => ({
    http: { port: config.NOTIFIER_PORT, host: config.NOTIFIER_HOST },
    database: { uri: config.MONGO_URI, dbName: config.NOTIFIER_DB, options: { maxPoolSize: config.MONGO_MAX_POOL_SIZE } },
    kafka: {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? 'koppel-notifier',
      maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS,
    },
  }),
  setup: async (scope, config) => {
    const { connection, logger } = scope;
    const stores = await openNotifierStores(connection);
    const { deliveries, signInDeliveries, digestItems, digests, organisations } = stores;

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
    scope.own({ stop: () => transport.close() });

    const relay = scope.outbox(stores.outbox.models, {
      intervalMs: config.OUTBOX_INTERVAL_MS,
      sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
    });

    const links = { secret: config.ANSWER_LINK_SECRET, publicUrl: config.REVIEW_PUBLIC_URL, ttlDays: config.ANSWER_LINK_TTL_DAYS };
    const matchMails: MatchMailDeps = {
      deliveries,
      transport,
      from: config.MAIL_FROM,
      logger,
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
      publishSoon: (id) => relay.nudge(stores.outbox.deliveries, id),
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
    scope.own(
      startRetention(
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
      ),
    );
    scope.own(
      startStrandedDeliverySweeper({
        deliveries,
        logger,
        leaseMs: config.MAIL_SENDING_LEASE_MS,
        sendClaimed: (id) => sendClaimed(id, matchMails),
      }),
    );
    // Starts while the broker is away and consumes once it is back (readiness says which).
    scope.consume({
      groupId: config.NOTIFIER_GROUP_ID,
      topics: [TOPICS.matchesDecided, TOPICS.matchesAnswered, TOPICS.mails, TOPICS.signIn, TOPICS.organisations],
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
      retryDelayMs: config.MAIL_RETRY_DELAY_MS,
      handler: dispatch(
        notifierEventHandlers({
          matchMails,
          signIn: { signInDeliveries, linkKey: config.SIGNIN_LINK_KEY, transport, from: config.MAIL_FROM, logger },
          organisations,
          erasure: { deliveries, signInDeliveries, digests, digestItems, logger },
        }),
      ),
    });
    // Last started, first stopped: no digest goes out while the rest shuts down.
    scope.own(
      startDigestScheduler(
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
          publishSoon: (id) => relay.nudge(stores.outbox.digests, id),
        },
        config.DIGEST_CHECK_INTERVAL_MS,
      ),
    );

    return {
      routes: (app) => {
        // The previews show mails as sent: inline styles, no scripts.
        app.use(
          '/previews',
          contentSecurityPolicy({ ...API_POLICY, 'style-src': ["'unsafe-inline'"], 'img-src': ['data:'] }),
          previewRoutes(),
        );
      },
      health: () => ({ database: connection.readyState === 1 ? 'up' : 'down' }),
      announce: (url) => ({ previews: `${url}/previews` }),
    };
  },
});

export const startNotifier = notifier.start;
