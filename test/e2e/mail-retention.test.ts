import mongoose from 'mongoose';
import { createLogger } from '@koppel/logging';
import { purgeOldRecords } from '../../services/notifier/src/app/purge-old-records';
import { createDeliveryModel, deliveryStore } from '../../services/notifier/src/store/deliveries';
import { createDigestItemModel, digestItemStore } from '../../services/notifier/src/store/digest-items';
import { createDigestModel, digestStore } from '../../services/notifier/src/store/digests';
import { createSignInDeliveryModel, signInDeliveryStore } from '../../services/notifier/src/store/sign-in-deliveries';
import { e2eContext, uniqueTag } from './helpers';

const DAY = 86_400_000;

/**
 * Issue #11: delivery records (an address and the mail's content) were kept forever.
 * The notifier now deletes finished ones after their retention, on the real database,
 * and keeps whatever is still in flight however old.
 */
describe('mail record retention', () => {
  const { stack } = e2eContext();

  it('deletes finished mail records older than their retention and keeps the rest', async () => {
    const tag = uniqueTag();
    const connection = await mongoose.createConnection(stack.mongoUri, { dbName: `${stack.namespace}-retention-${tag}` }).asPromise();
    try {
      const deliveries = createDeliveryModel(connection);
      const signInDeliveries = createSignInDeliveryModel(connection);
      const digests = createDigestModel(connection);
      const digestItems = createDigestItemModel(connection);
      await Promise.all([deliveries.init(), signInDeliveries.init(), digests.init(), digestItems.init()]);
      const now = new Date('2026-12-01T10:00:00Z');
      const ago = (days: number) => new Date(now.getTime() - days * DAY);
      const delivery = (id: string, createdAt: Date, status: 'sending' | 'sent' | 'failed', pendingEventCount = 0) => ({
        _id: id,
        matchId: id,
        recipient: 'school',
        kind: 'approved',
        to: `${id}@example.org`,
        status,
        attempts: 1,
        messageId: `<${id}@koppel>`,
        sourceEventId: id,
        source: { match: {} },
        resends: [],
        createdAt,
        pendingEvents: {},
        pendingEventCount,
      });
      await deliveries.insertMany([
        delivery('old-sent', ago(401), 'sent'),
        delivery('old-failed', ago(401), 'failed'),
        delivery('old-sending', ago(401), 'sending'),
        delivery('old-unpublished', ago(401), 'sent', 1),
        delivery('recent-sent', ago(399), 'sent'),
      ]);
      await signInDeliveries.insertMany([
        { _id: 'old-link', to: 'a@example.org', status: 'sent', attempts: 1, messageId: '<a@koppel>', createdAt: ago(9) },
        { _id: 'recent-link', to: 'b@example.org', status: 'sent', attempts: 1, messageId: '<b@koppel>', createdAt: ago(7) },
      ]);
      const digest = (id: string, createdAt: Date, status: 'sending' | 'sent') => ({
        _id: id,
        providerId: 'p',
        day: '2025-01-01',
        to: 'p@example.org',
        status,
        attempts: 1,
        leaseUntil: createdAt,
        messageId: `<${id}@koppel>`,
        itemIds: [],
        createdAt,
        pendingEvents: {},
        pendingEventCount: 0,
      });
      await digests.insertMany([
        digest('old-digest', ago(401), 'sent'),
        digest('old-digest-sending', ago(401), 'sending'),
        digest('recent-digest', ago(1), 'sent'),
      ]);
      const item = (id: string, createdAt: Date, digestId: string | null) => ({
        _id: id,
        providerId: 'p',
        to: 'p@example.org',
        language: 'nl',
        source: { match: {} },
        digestId,
        createdAt,
      });
      await digestItems.insertMany([
        item('old-item', ago(401), 'old-digest'),
        item('old-item-waiting', ago(401), null),
        item('recent-item', ago(1), 'recent-digest'),
      ]);

      const purged = await purgeOldRecords({
        deliveries: deliveryStore(deliveries),
        signInDeliveries: signInDeliveryStore(signInDeliveries),
        digests: digestStore(digests),
        digestItems: digestItemStore(digestItems),
        mailDays: 400,
        signInDays: 8,
        logger: createLogger('retention-test', { level: 'warn' }),
        now: () => now,
      });

      expect(purged).toEqual({ deliveries: 2, signInDeliveries: 1, digests: 1, digestItems: 1 });
      const ids = async (model: mongoose.Model<any>) =>
        ((await model.find({}, { _id: 1 }).lean()) as Array<{ _id: string }>).map((d) => d._id).sort();
      expect(await ids(deliveries)).toEqual(['old-sending', 'old-unpublished', 'recent-sent']);
      expect(await ids(signInDeliveries)).toEqual(['recent-link']);
      expect(await ids(digests)).toEqual(['old-digest-sending', 'recent-digest']);
      expect(await ids(digestItems)).toEqual(['old-item-waiting', 'recent-item']);
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
