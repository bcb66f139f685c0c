import { TOPICS } from '@koppel/contracts';
import { MatchingEngine } from '@koppel/matching';
import { gauge } from '@koppel/messaging';
import { defineService, type RunningService } from '@koppel/service';
import type { ListingEventDeps } from './app/listings';
import type { MatcherConfig } from './config';
import { listingChunkHandler } from './events/listing-events';
import { ListingStore } from './store/listing-store';
import { createMatcherModels } from './store/models';

export type RunningMatcher = RunningService<{ engine: MatchingEngine }>;

/** The matcher: rebuilds its index from its store, then follows the offer, request and organisation topics and publishes proposals. */
export const matcher = defineService<MatcherConfig, { engine: MatchingEngine }>({
  name: 'matcher',
  infrastructure: (config) => ({
    http: { port: config.MATCHER_PORT, host: config.MATCHER_HOST },
    database: { uri: config.MONGO_URI, dbName: config.MATCHER_DB, options: { maxPoolSize: config.MONGO_MAX_POOL_SIZE } },
    kafka: {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? 'koppel-matcher',
      maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS,
    },
  }),
  setup: async (scope, config) => {
    const models = createMatcherModels(scope.connection);
    await Promise.all([models.offers.init(), models.requests.init()]);
    const offers = new ListingStore(models.offers);
    const requests = new ListingStore(models.requests);
    const engine = new MatchingEngine();
    for (const doc of await offers.loadOpen()) engine.upsertOffer(doc.data);
    for (const doc of await requests.loadOpen()) engine.upsertRequest(doc.data);
    scope.logger.info('index rebuilt', { offers: engine.offerCount, requests: engine.requestCount });

    const deps: ListingEventDeps = {
      engine,
      offers,
      requests,
      logger: scope.logger,
      topN: config.MATCHER_TOP_N,
      minScore: config.MATCHER_MIN_SCORE,
      offerCandidates: config.MATCHER_OFFER_CANDIDATES,
    };
    const chunkHandler = listingChunkHandler(deps);
    scope.consume({
      groupId: config.MATCHER_GROUP_ID,
      topics: [TOPICS.offers, TOPICS.requests, TOPICS.organisations],
      handler: (event, context) => chunkHandler([{ event, context }]),
      chunkHandler,
    });

    // How many listings the engine holds, read when Prometheus scrapes.
    gauge('koppel_matcher_index_listings', 'Offers and requests in the matching index', ['kind'], (g) => {
      g.set({ kind: 'offer' }, engine.offerCount);
      g.set({ kind: 'request' }, engine.requestCount);
    });
    return {
      routes: () => undefined, // health, readiness and metrics only
      health: () => ({ offers: engine.offerCount, requests: engine.requestCount }),
      exposed: { engine },
    };
  },
});

export const startMatcher = matcher.start;
