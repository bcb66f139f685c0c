import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { rememberedStanding } from '@koppel/auth';
import { ALL_TOPICS, TOPICS, type KoppelEvent } from '@koppel/contracts';
import { closeServer, createApp, finishApp, listen, serverUrl } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import {
  brokerCheck,
  consumerCheck,
  createKafka,
  databaseCheck,
  deadLetterCounts,
  ensureTopics,
  Publisher,
  startOutboxRelay,
  subscribeWhenReachable,
} from '@koppel/messaging';
import type { ReviewConfig } from './config';
import { answerRoutes } from './answers/routes';
import { pageSecurityPolicy } from './web/layout';
import { startAnswerSettler } from './answers/settle-answered';
import { consoleRoutes } from './console/routes';
import { handleMailEvent } from './handlers/mail-events';
import { handleOrganisationErased } from './handlers/erasure';
import { createWithdrawnModel, handleWithdrawal, isOrganisationWithdrawn } from './handlers/withdrawals';
import { handleProposedEvent, handleProposedEvents } from './handlers/proposed';
import { cachedPolicyLookup } from './policies/auto-approval';
import { proposalRoutes } from './routes/proposals';
import { suggestionRoutes } from './routes/suggestions';
import { consoleSessions, createConsoleSessionModel } from './store/console-sessions';
import { createPolicyModel } from './store/policies';
import { createProposalModel } from './store/proposals';

export interface RunningReview {
  url: string;
  stop(): Promise<void>;
}

/** Starts the review service: proposals in from Kafka, decisions out through the outbox, API and console over HTTP. */
export async function startReview(config: ReviewConfig, logger: Logger): Promise<RunningReview> {
  const connection = await mongoose
    .createConnection(config.MONGO_URI, {
      dbName: config.REVIEW_DB,
      maxPoolSize: config.MONGO_MAX_POOL_SIZE,
      serverSelectionTimeoutMS: 10000,
    })
    .asPromise();
  const proposals = createProposalModel(connection);
  await proposals.init();
  const policies = createPolicyModel(connection);
  await policies.init();

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'koppel-review', logger });
  const publisher = new Publisher(kafka);
  const relay = startOutboxRelay({
    models: [proposals],
    publisher,
    logger,
    intervalMs: config.OUTBOX_INTERVAL_MS,
    sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
  });
  relay.nudge(); // what a previous process stored and did not publish
  const publishSoon = (matchId: string) => relay.nudge(proposals.modelName, matchId);
  const policyLookup = cachedPolicyLookup(policies);
  const withdrawn = createWithdrawnModel(connection);
  await withdrawn.init();
  const sessions = createConsoleSessionModel(connection);
  await sessions.init();
  const proposedDeps = { proposals, withdrawn, policies: policyLookup, logger, publishSoon };
  const handleOther = (event: KoppelEvent) =>
    event.type === 'organisation.erased'
      ? handleWithdrawal(event, { proposals, withdrawn, logger }).then(() =>
          handleOrganisationErased(event, { proposals, sessions, logger }),
        )
      : event.type === 'offer.withdrawn' || event.type === 'request.withdrawn' || event.type === 'organisation.withdrawn'
        ? handleWithdrawal(event, { proposals, withdrawn, logger })
        : event.type.startsWith('mail.')
          ? handleMailEvent(event, proposals)
          : Promise.resolve(); // listings and organisations created or changed: not review's business
  // Starts while the broker is away and consumes once it is back (readiness says which).
  const subscription = subscribeWhenReachable({
    prepare: () => ensureTopics(kafka, ALL_TOPICS, { maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS }),
    kafka,
    publisher,
    groupId: config.REVIEW_GROUP_ID,
    // Offers, requests and organisations for their withdrawals only: pending proposals of what was
    // withdrawn are withdrawn too, and a withdrawn organisation's tokens and sessions are refused.
    topics: [TOPICS.matchesProposed, TOPICS.mails, TOPICS.offers, TOPICS.requests, TOPICS.organisations],
    logger,
    handler: (event) => (event.type === 'match.proposed' ? handleProposedEvent(event, proposedDeps) : handleOther(event)),
    // A chunk of proposals is one bulk insert; mail events are few and handled one by one.
    chunkHandler: async (items) => {
      await handleProposedEvents(
        items.filter((i) => i.event.type === 'match.proposed').map((i) => i.event),
        proposedDeps,
      );
      for (const item of items) if (item.event.type !== 'match.proposed') await handleOther(item.event);
    },
  });

  // A withdrawn organisation's tokens and sessions are refused here too (issue #11).
  const standing = rememberedStanding(async (id) => !(await isOrganisationWithdrawn(withdrawn, id)));
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
    // Pages and API alike: a strict policy costs JSON nothing and keeps every page covered.
    contentSecurityPolicy: pageSecurityPolicy(new URL(config.INTAKE_PUBLIC_URL).origin),
  });
  app.get('/', (_req, res) => res.redirect(302, '/console'));
  app.use('/proposals', proposalRoutes(proposals, publishSoon, config.AUTH_TOKEN_SECRET, standing));
  const signIn = {
    secret: config.AUTH_TOKEN_SECRET,
    intakeUrl: config.INTAKE_PUBLIC_URL,
    secureCookie: config.CONSOLE_COOKIE_SECURE,
    sessions: consoleSessions(sessions),
    logger,
  };
  const deadLetters = () => deadLetterCounts(kafka, Object.values(TOPICS));
  app.use('/console', consoleRoutes({ proposals, policies, policyLookup, publishSoon, signIn, standing, deadLetters }));
  app.use('/suggestions', suggestionRoutes({ proposals, publishSoon, logger, standing }));
  const afterAnswerWrite = config.REVIEW_FAULT_CRASH_AFTER_ANSWER
    ? (answered: { answers?: { school?: unknown; provider?: unknown } }) => {
        // Only when the answer completes the pair: the moment a confirmation is due.
        if (!answered.answers?.school || !answered.answers?.provider) return;
        logger.warn('fault injection: crashing after recording the second answer, before settling the match');
        process.kill(process.pid, 'SIGKILL');
      }
    : undefined;
  app.use('/answers', answerRoutes({ proposals, secret: config.ANSWER_LINK_SECRET, publishSoon, logger, afterAnswerWrite }));
  const settler = startAnswerSettler({ proposals, publishSoon, logger }, config.ANSWER_SETTLE_INTERVAL_MS);
  finishApp(app, logger);
  const server: Server = await listen(app, config.REVIEW_PORT, config.REVIEW_HOST);
  const url = serverUrl(server, config.REVIEW_HOST);
  logger.info('review listening', { url, console: `${url}/console` });

  return {
    url,
    stop: async () => {
      await closeServer(server);
      await subscription.stop();
      await settler.stop();
      await relay.stop();
      await broker.close();
      await publisher.disconnect();
      await connection.close();
    },
  };
}
