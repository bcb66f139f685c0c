import { createEnvelope, type KoppelEvent, parseEvent, TOPICS, type TopicName } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { dispatch, type MessageContext, PermanentError } from '@koppel/messaging';
import { addressedMatch } from '../src/app/address-match';
import { collectForDigest } from '../src/app/collect-for-digest';
import type { MatchMailDeps } from '../src/app/match-mails';
import type { OutgoingMail } from '../src/app/mail-transport';
import { mailPreferenceOf } from '../src/app/record-organisation';
import { notifierEventHandlers } from '../src/events/notifier-events';
import { sampleMatch } from '../src/http/sample-matches';
import type { DeliveryDoc, DeliveryStore } from '../src/store/deliveries';
import type { DigestItemDoc, DigestItemStore } from '../src/store/digest-items';
import type { OrganisationDoc, OrganisationStore } from '../src/store/organisations';

/** The notifier's dispatch table on in-memory stores and a transport that records what it is handed. */
describe('the notifier event table', () => {
  const logLines: string[] = [];
  const logger = createLogger('notifier-events-test', { write: (line) => logLines.push(line) });

  function memoryDeliveries(): DeliveryStore & { docs: Map<string, DeliveryDoc> } {
    const docs = new Map<string, DeliveryDoc>();
    const copy = (doc: DeliveryDoc | undefined) => (doc ? structuredClone(doc) : null);
    const append = (doc: DeliveryDoc, events: { id: string; topic: TopicName; event: DeliveryDoc['pendingEvents'][string]['event'] }[]) => {
      for (const e of events) doc.pendingEvents[e.id] = { ...e, seq: doc.pendingEventCount };
      doc.pendingEventCount += events.length;
    };
    return {
      docs,
      find: async (id) => copy(docs.get(id)),
      claim: async (delivery) => {
        if (docs.has(delivery._id)) return false;
        docs.set(delivery._id, { ...structuredClone(delivery), status: 'sending', attempts: 0, pendingEvents: {}, pendingEventCount: 0 });
        return true;
      },
      startAttempt: async (id) => {
        const doc = docs.get(id);
        if (!doc || doc.status === 'sent') return null;
        doc.attempts += 1;
        doc.attemptedAt = new Date();
        return copy(doc);
      },
      markSent: async (id, sentAt, events) => {
        const doc = docs.get(id)!;
        Object.assign(doc, { status: 'sent', sentAt, lastError: undefined });
        append(doc, events);
      },
      markFailed: async (id, reason, events) => {
        const doc = docs.get(id);
        if (doc?.status !== 'sending') return false;
        Object.assign(doc, { status: 'failed', lastError: reason });
        append(doc, events);
        return true;
      },
      reopenForResend: async () => false,
      listSending: async () => [],
      eraseParty: async () => 0,
      purgeFinishedBefore: async () => 0,
    };
  }

  function memoryOrganisations(): OrganisationStore {
    const docs = new Map<string, OrganisationDoc>();
    return {
      findContacts: async (id) => docs.get(id) ?? null,
      findMailPreference: async (id) => docs.get(id)?.mailPreference,
      storeIfNewer: async (id, revision, fields, at) => {
        const stored = docs.get(id);
        if (stored && stored.revision >= revision) return 'older';
        docs.set(id, { contacts: [], withdrawn: false, erased: false, ...stored, ...fields, _id: id, revision, updatedAt: at });
        return 'stored';
      },
    };
  }

  function memoryDigestItems(): DigestItemStore & { docs: Map<string, DigestItemDoc> } {
    const docs = new Map<string, DigestItemDoc>();
    const unused = async (): Promise<never> => {
      throw new Error('not used here');
    };
    return {
      docs,
      collect: async (item) => {
        if (docs.has(item._id)) return false;
        docs.set(item._id, { ...item, digestId: null });
        return true;
      },
      find: unused,
      listWaiting: unused,
      takeWaiting: unused,
      listOf: unused,
      eraseParty: unused,
      eraseRecipient: unused,
      purgeTakenBefore: unused,
    };
  }

  function setUp(send: (mail: OutgoingMail) => Promise<unknown> = async () => ({})) {
    const sent: OutgoingMail[] = [];
    const deliveries = memoryDeliveries();
    const organisations = memoryOrganisations();
    const digestItems = memoryDigestItems();
    const published: string[] = [];
    const matchMails: MatchMailDeps = {
      deliveries,
      transport: {
        sendMail: async (mail) => {
          await send(mail);
          sent.push(mail);
        },
      },
      from: 'koppel <noreply@koppel.example>',
      logger,
      maxAttempts: 3,
      publishSoon: (id) => published.push(id),
      render: (kind, source, recipient) => ({ subject: `${kind} ${recipient}`, text: source.match.matchId, html: '<p></p>' }),
      addressed: (match) => addressedMatch(organisations, match),
      collectForDigest: (source) => collectForDigest(digestItems, source),
      mailPreferenceOf: (provider) => mailPreferenceOf(organisations, provider),
    };
    const handle = dispatch(
      notifierEventHandlers({
        matchMails,
        organisations,
        signIn: { signInDeliveries: undefined as never, linkKey: 'unused', transport: matchMails.transport, from: matchMails.from, logger },
        erasure: { deliveries, signInDeliveries: undefined as never, digests: undefined as never, digestItems, logger },
      }),
    );
    const context: MessageContext = { topic: TOPICS.matchesDecided, partition: 0, offset: '0' };
    return { sent, deliveries, digestItems, published, handle: (event: KoppelEvent) => handle(event, context) };
  }

  function event(topic: TopicName, type: string, payload: unknown): KoppelEvent {
    const parsed = parseEvent(topic, createEnvelope({ type, key: 'k', payload }));
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  }

  const match = sampleMatch('nl');
  const decided = (decision: 'approved' | 'rejected') =>
    event(TOPICS.matchesDecided, 'match.decided', { match, decision, decidedBy: 'broker', decidedAt: new Date().toISOString() });

  it('mails both sides of an approved match once, however often the event comes, and reports each mail sent', async () => {
    const { sent, deliveries, published, handle } = setUp();
    const approval = decided('approved');
    await handle(approval);
    await handle(approval);
    expect(sent.map((m) => [m.to, m.messageId])).toEqual([
      [match.school.email, `<${encodeURIComponent(match.matchId)}.school@koppel>`],
      [match.provider.email, `<${encodeURIComponent(match.matchId)}.provider@koppel>`],
    ]);
    expect(published).toEqual([`${match.matchId}:school`, `${match.matchId}:provider`]);
    for (const doc of deliveries.docs.values()) {
      expect(doc.status).toBe('sent');
      expect(Object.values(doc.pendingEvents).map((e) => e.event.type)).toEqual(['mail.sent']);
    }
  });

  it('mails nobody about a rejection, and passes over events that are none of its business', async () => {
    const { sent, handle } = setUp();
    await handle(decided('rejected'));
    await handle(
      event(TOPICS.mails, 'mail.sent', {
        matchId: match.matchId,
        recipient: 'school',
        kind: 'approved',
        messageId: '<x@koppel>',
        attempts: 1,
        sentAt: new Date().toISOString(),
      }),
    );
    expect(sent).toEqual([]);
  });

  it("keeps a digest provider's approval for the digest, as its organisation's newest event says, and mails the school at once", async () => {
    const { sent, digestItems, handle } = setUp();
    await handle(
      event(TOPICS.organisations, 'organisation.updated', {
        revision: 2,
        organisation: {
          id: match.provider.id,
          type: 'museum',
          role: 'provider',
          name: match.provider.name,
          contacts: [{ name: 'Educatie', email: match.provider.email, language: 'nl' }],
          mailPreference: 'daily_digest',
        },
      }),
    );
    await handle(decided('approved'));
    expect(sent.map((m) => m.to)).toEqual([match.school.email]);
    expect([...digestItems.docs.keys()]).toEqual([`${match.matchId}:provider`]);
  });

  it('reports a refused mail failed once and dead-letters its event, and still tries the other side', async () => {
    const refusal = Object.assign(new Error('550 5.1.1 <x@school.example>: Recipient address rejected'), { responseCode: 550 });
    const { sent, deliveries, handle } = setUp(async (mail) => {
      if (mail.to === match.school.email) throw refusal;
    });
    await expect(handle(decided('approved'))).rejects.toBeInstanceOf(PermanentError);
    expect(sent.map((m) => m.to)).toEqual([match.provider.email]);
    const failed = deliveries.docs.get(`${match.matchId}:school`)!;
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toBe('550 5.1.1 <<address>>: Recipient address rejected');
    expect(Object.values(failed.pendingEvents).map((e) => e.event.type)).toEqual(['mail.failed']);
    expect(logLines.filter((l) => l.includes('"msg":"mail failed for good, reported to the console"'))).toHaveLength(1);
  });
});
