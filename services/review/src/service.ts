import { TOPICS } from '@koppel/contracts';
import { deadLetterCounts } from '@koppel/messaging';
import { defineService, type RunningService } from '@koppel/service';
import type { ReviewDeps } from './app/deps';
import { organisationStanding } from './app/organisation-standing';
import { startAnswerSettler } from './app/settle-answered-matches';
import { insightsGroupIdOf, type ReviewConfig } from './config';
import { insightsChunkHandler, insightsEventHandler } from './events/insights-events';
import { reviewChunkHandler, reviewEventHandler } from './events/review-events';
import { answerRoutes } from './http/answers/routes';
import { consoleRoutes } from './http/console/routes';
import { insightRoutes } from './http/insights/api';
import { demandRoutes } from './http/insights/demand';
import { pageSecurityPolicy, stylesheetRoute } from './http/page-assets';
import { proposalRoutes } from './http/proposals';
import { openApiRoute } from './http/openapi';
import { suggestionRoutes } from './http/suggestions';
import { createReviewModels, reviewStores } from './store/models';
import type { ProposalDoc } from './store/proposal-doc';

export type RunningReview = RunningService<object>;

/** The review service: proposals in from Kafka, decisions out through the outbox, API and console over HTTP. */
export const review = defineService<ReviewConfig>({
  name: 'review',
  infrastructure: (config) => ({
    http: { port: config.REVIEW_PORT, host: config.REVIEW_HOST },
    database: { uri: config.MONGO_URI, dbName: config.REVIEW_DB, options: { maxPoolSize: config.MONGO_MAX_POOL_SIZE } },
    // The read model's writes on a connection of their own: on FerretDB's one connection per database they
    // queued behind the proposals' and review fell behind at 100 requests/s (docs/performance.md).
    databases: {
      insights: { uri: config.MONGO_URI, dbName: config.REVIEW_INSIGHTS_DB, options: { maxPoolSize: config.MONGO_MAX_POOL_SIZE } },
    },
    kafka: {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? 'koppel-review',
      maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS,
    },
  }),
  setup: async (scope, config) => {
    const models = await createReviewModels(scope.connection, scope.connectionTo('insights'));
    const relay = scope.outbox([models.proposals, models.signUps], {
      intervalMs: config.OUTBOX_INTERVAL_MS,
      sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
    });
    const deps: ReviewDeps = {
      ...reviewStores(models),
      logger: scope.logger,
      publishSoon: (matchId) => relay.nudge(models.proposals.modelName, matchId),
      publishSignUpSoon: (organisationId) => relay.nudge(models.signUps.modelName, organisationId),
    };
    // Finishes matches whose answers a crash left unsettled: now and every few minutes.
    scope.own(startAnswerSettler(deps, config.ANSWER_SETTLE_INTERVAL_MS));
    scope.consume({
      groupId: config.REVIEW_GROUP_ID,
      // Offers, requests and organisations for their withdrawals only: pending proposals of what was
      // withdrawn are withdrawn too, and a withdrawn organisation's tokens and sessions are refused.
      // Sign-ups for the confirmed ones brokers approve or reject (issue #13).
      topics: [TOPICS.matchesProposed, TOPICS.mails, TOPICS.offers, TOPICS.requests, TOPICS.organisations, TOPICS.signUps],
      handler: reviewEventHandler(deps),
      // A chunk of proposals is one bulk insert; mail events and withdrawals are few and handled one by one.
      chunkHandler: reviewChunkHandler(deps),
    });
    // The insights read model (issue #14): a group of its own, from the beginning of each topic, so that dropping
    // its collections and resetting the group rebuilds it (docs/operations.md). Readiness: `consumer:<group>`.
    scope.consume({
      groupId: insightsGroupIdOf(config),
      topics: [TOPICS.requests, TOPICS.offers, TOPICS.matchesMissed, TOPICS.organisations],
      handler: insightsEventHandler(deps),
      // A chunk's listings and misses in one read and one bulk write per collection, not two round trips per event.
      chunkHandler: insightsChunkHandler(deps),
    });

    // A withdrawn organisation's tokens and sessions are refused here too (issue #11).
    const standing = organisationStanding(deps);
    const transport = scope.transport;
    const deadLetters = () => deadLetterCounts(transport, Object.values(TOPICS));
    const signIn = {
      secret: config.AUTH_TOKEN_SECRET,
      intakeUrl: config.INTAKE_PUBLIC_URL,
      secureCookie: config.CONSOLE_COOKIE_SECURE,
      sessions: deps.sessions,
      logger: scope.logger,
    };
    const afterAnswerWrite = config.REVIEW_FAULT_CRASH_AFTER_ANSWER
      ? (answered: ProposalDoc) => {
          // Only when the answer completes the pair: the moment a confirmation is due.
          if (!answered.answers?.school || !answered.answers?.provider) return;
          scope.logger.warn('fault injection: crashing after recording the second answer, before settling the match');
          process.kill(process.pid, 'SIGKILL');
        }
      : undefined;

    return {
      // Pages and API alike: a strict policy costs JSON nothing and keeps every page covered.
      app: { contentSecurityPolicy: pageSecurityPolicy(new URL(config.INTAKE_PUBLIC_URL).origin) },
      health: () => ({ database: scope.connection.readyState === 1 ? 'up' : 'down' }),
      announce: (url) => ({ console: `${url}/console` }),
      routes: (app) => {
        app.get('/', (_req, res) => res.redirect(302, '/console'));
        // The one stylesheet of the console, sign-in and answer pages (no session needed: the sign-in page uses it too).
        app.use(stylesheetRoute());
        app.use(openApiRoute());
        app.use('/proposals', proposalRoutes(deps, { secret: config.AUTH_TOKEN_SECRET, standing }));
        // Before `/insights`: providers' tokens (and the portal's CORS), which the brokers' routes refuse (issue #13).
        app.use(
          '/insights/demand',
          demandRoutes(deps, { secret: config.AUTH_TOKEN_SECRET, corsOrigins: config.REVIEW_CORS_ORIGINS, standing }),
        );
        app.use('/insights', insightRoutes(deps, { secret: config.AUTH_TOKEN_SECRET, standing }));
        app.use('/console', consoleRoutes(deps, { signIn, standing, deadLetters }));
        app.use(
          '/suggestions',
          suggestionRoutes(deps, { secret: config.AUTH_TOKEN_SECRET, corsOrigins: config.REVIEW_CORS_ORIGINS, standing }),
        );
        app.use('/answers', answerRoutes(deps, { secret: config.ANSWER_LINK_SECRET, afterAnswerWrite }));
      },
    };
  },
});

export const startReview = review.start;
