import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { ALL_TOPICS, TOPICS } from '@koppel/contracts';
import { closeServer, createApp, finishApp, listen, serverUrl } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { MatchingEngine } from '@koppel/matching';
import {
  brokerCheck,
  consumerCheck,
  createKafka,
  databaseCheck,
  ensureTopics,
  gauge,
  Publisher,
  subscribeWhenReachable,
} from '@koppel/messaging';
import type { MatcherConfig } from './config';
import { handleListingEvent, handleListingEvents } from './handlers/listing-events';
import { ListingStore } from './store/listing-store';
import { createMatcherModels } from './store/models';

export interface RunningMatcher {
  url: string;
  engine: MatchingEngine;
  stop(): Promise<void>;
}

/** Starts the matcher: rebuilds its index from its store, then follows the offer and request topics. */
export async function startMatcher(config: MatcherConfig, logger: Logger): Promise<RunningMatcher> {
  const connection = await mongoose
    .createConnection(config.MONGO_URI, {
      dbName: config.MATCHER_DB,
      maxPoolSize: config.MONGO_MAX_POOL_SIZE,
      serverSelectionTimeoutMS: 10000,
    })
    .asPromise();
  const models = createMatcherModels(connection);
  await Promise.all([models.offers.init(), models.requests.init()]);

  const offers = new ListingStore(models.offers);
  const requests = new ListingStore(models.requests);
  const engine = new MatchingEngine();
  for (const doc of await offers.loadOpen()) engine.upsertOffer(doc.data);
  for (const doc of await requests.loadOpen()) engine.upsertRequest(doc.data);
  logger.info('index rebuilt', { offers: engine.offerCount, requests: engine.requestCount });

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'koppel-matcher', logger });
  const publisher = new Publisher(kafka);
  const deps = {
    engine,
    offers,
    requests,
    logger,
    topN: config.MATCHER_TOP_N,
    minScore: config.MATCHER_MIN_SCORE,
    offerCandidates: config.MATCHER_OFFER_CANDIDATES,
  };
  // Starts while the broker is away and consumes once it is back (readiness says which).
  const subscription = subscribeWhenReachable({
    prepare: () => ensureTopics(kafka, ALL_TOPICS, { maxCompactionLagMs: config.KAFKA_MAX_COMPACTION_LAG_MS }),
    kafka,
    publisher,
    groupId: config.MATCHER_GROUP_ID,
    topics: [TOPICS.offers, TOPICS.requests, TOPICS.organisations],
    logger,
    handler: (event) => handleListingEvent(event, deps),
    chunkHandler: (items) =>
      handleListingEvents(
        items.map((i) => i.event),
        deps,
      ),
  });

  // How many listings the engine holds, read when Prometheus scrapes.
  gauge('koppel_matcher_index_listings', 'Offers and requests in the matching index', ['kind'], (g) => {
    g.set({ kind: 'offer' }, engine.offerCount);
    g.set({ kind: 'request' }, engine.requestCount);
  });
  const broker = brokerCheck(kafka);
  const app = createApp({
    logger,
    health: () => ({ offers: engine.offerCount, requests: engine.requestCount }),
    ready: { database: databaseCheck(connection), broker, consumer: consumerCheck(subscription) },
  });
  finishApp(app, logger);
  const server: Server = await listen(app, config.MATCHER_PORT, config.MATCHER_HOST);
  const url = serverUrl(server, config.MATCHER_HOST);
  logger.info('matcher running', { url });

  return {
    url,
    engine,
    stop: async () => {
      await closeServer(server);
      await subscription.stop();
      await broker.close();
      await publisher.disconnect();
      await connection.close();
    },
  };
}
