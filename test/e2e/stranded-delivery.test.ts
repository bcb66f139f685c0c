import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { createLogger } from '@koppel/logging';
import { answerLinksFor } from '../../services/notifier/src/app/answer-links';
import { claimDelivery, type DeliveryDeps, sendClaimed } from '../../services/notifier/src/app/deliver-match-mail';
import { renderApprovedMatchMail } from '../../services/notifier/src/app/mails/match';
import { sweepStrandedDeliveries } from '../../services/notifier/src/app/sweep-stranded-deliveries';
import { createDeliveryModel, deliveryId, deliveryStore } from '../../services/notifier/src/store/deliveries';
import type { AddressedMatch } from '../../services/notifier/src/store/mail-source';
import { e2eContext, uniqueTag } from './helpers';

/**
 * A delivery left 'sending' with nobody working on it (its event dead-lettered by a
 * bug, or lost with a crashed process and a reset consumer group) is finished by the
 * notifier's sweeper once its lease has passed: sent once, on the real database and
 * SMTP server. A delivery tried recently belongs to the consumer and is left alone.
 */
describe('the stranded-delivery sweeper', () => {
  const { stack, inbox } = e2eContext();

  it('sends a delivery stranded past its lease once, and leaves one in progress alone', async () => {
    const tag = uniqueTag();
    const connection = await mongoose.createConnection(stack.mongoUri, { dbName: `${stack.namespace}-stranded-${tag}` }).asPromise();
    const transport = nodemailer.createTransport({ host: stack.smtp.host, port: stack.smtp.port, secure: false });
    try {
      const deliveries = createDeliveryModel(connection);
      await deliveries.init();
      const secret = randomBytes(32).toString('base64url');
      const deps: DeliveryDeps = {
        deliveries: deliveryStore(deliveries),
        transport,
        from: 'koppel <noreply@koppel.example>',
        logger: createLogger('stranded-test', { level: 'warn' }),
        maxAttempts: 5,
        publishSoon: () => undefined,
        render: (_kind, source, recipient) =>
          renderApprovedMatchMail(
            {
              match: source.match,
              note: source.note,
              links: answerLinksFor(source.match.matchId, recipient, { secret, publicUrl: 'http://review.example', ttlDays: 30 }),
            },
            recipient,
          ),
      };
      const stranded = snapshot(tag, 'stranded');
      const busy = snapshot(tag, 'busy');
      for (const match of [stranded, busy])
        expect(
          await claimDelivery({ kind: 'approved', recipient: 'school', source: { match }, sourceEventId: `evt-${match.matchId}` }, deps),
        ).toBe(true);
      // One was last tried 20 minutes ago (its process died), the other a moment ago (a consumer is on it).
      await deliveries.updateOne(
        { _id: deliveryId(stranded.matchId, 'school', 'approved') },
        { $set: { attempts: 1, attemptedAt: new Date(Date.now() - 20 * 60_000) } },
      );
      await deliveries.updateOne(
        { _id: deliveryId(busy.matchId, 'school', 'approved') },
        { $set: { attempts: 1, attemptedAt: new Date() } },
      );

      const sweep = {
        deliveries: deps.deliveries,
        logger: deps.logger,
        leaseMs: 10 * 60_000,
        sendClaimed: (id: string) => sendClaimed(id, deps),
      };
      expect(await sweepStrandedDeliveries(sweep)).toBe(1);
      const [mail] = await inbox.waitForMailTo(stranded.school.email);
      expect(mail.headers['message-id']).toBe(`<${encodeURIComponent(stranded.matchId)}.school@koppel>`);
      expect((await deliveries.findById(deliveryId(stranded.matchId, 'school', 'approved')).lean())?.status).toBe('sent');
      expect((await deliveries.findById(deliveryId(busy.matchId, 'school', 'approved')).lean())?.status).toBe('sending');

      // A second sweep finds nothing stranded: no second mail.
      expect(await sweepStrandedDeliveries(sweep)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await inbox.to(stranded.school.email)).toHaveLength(1);
      expect(await inbox.to(busy.school.email)).toHaveLength(0);
    } finally {
      transport.close();
      await connection.close();
    }
  });
});

function snapshot(tag: string, label: string): AddressedMatch {
  return {
    matchId: `req-${tag}-${label}::off-${tag}`,
    requestId: `req-${tag}-${label}`,
    offerId: `off-${tag}`,
    score: 0.8,
    explanation: {},
    summary: 'Past bij de leeftijd.',
    request: {
      title: `Aanvraag ${label}`,
      municipality: 'Kortrijk',
      postcode: '8500',
      country: 'BE',
      ageMin: 9,
      ageMax: 10,
      pupils: 40,
      disciplines: ['theatre'],
    },
    offer: { title: 'Toneelworkshop', municipality: 'Kortrijk', format: 'workshop', pricePerPupil: 5, disciplines: ['theatre'] },
    school: { id: `s-${label}`, name: `School ${label}`, email: `stranded-${label}-${tag}@example.org`, language: 'nl' },
    provider: { id: `prov-${tag}`, name: 'Theater Antigone', email: `prov-${tag}@example.org`, language: 'nl' },
  } as AddressedMatch;
}
