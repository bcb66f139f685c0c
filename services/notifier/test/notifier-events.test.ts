import { randomBytes } from 'node:crypto';
import { sealText } from '@koppel/auth';
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
import type { SignInDeliveryDoc, SignInDeliveryStore } from '../src/store/sign-in-deliveries';

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

  function memorySignInDeliveries(): SignInDeliveryStore & { docs: Map<string, SignInDeliveryDoc> } {
    const docs = new Map<string, SignInDeliveryDoc>();
    return {
      docs,
      claim: async (delivery) => {
        if (docs.has(delivery._id)) return false;
        docs.set(delivery._id, { ...delivery, status: 'sending', attempts: 0 });
        return true;
      },
      startAttempt: async (id) => {
        const doc = docs.get(id);
        if (doc?.status !== 'sending') return null;
        doc.attempts += 1;
        return { ...doc };
      },
      markExpired: async (id) => {
        const doc = docs.get(id);
        if (doc?.status === 'sending') doc.status = 'expired';
      },
      markSent: async (id, sentAt) => {
        Object.assign(docs.get(id)!, { status: 'sent', sentAt });
      },
      listAddresses: async () => [...docs.values()].map(({ _id, to }) => ({ _id, to })),
      delete: async (ids) => {
        for (const id of ids) docs.delete(id);
      },
      purgeBefore: async () => 0,
    };
  }

  const linkKey = randomBytes(32).toString('base64url');

  function setUp(send: (mail: OutgoingMail) => Promise<unknown> = async () => ({})) {
    const sent: OutgoingMail[] = [];
    const deliveries = memoryDeliveries();
    const signInDeliveries = memorySignInDeliveries();
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
        signIn: { signInDeliveries, linkKey, transport: matchMails.transport, from: matchMails.from, logger },
        erasure: { deliveries, signInDeliveries, digests: undefined as never, digestItems, logger },
      }),
    );
    const context: MessageContext = { topic: TOPICS.matchesDecided, partition: 0, offset: '0' };
    return { sent, deliveries, signInDeliveries, digestItems, published, handle: (event: KoppelEvent) => handle(event, context) };
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

  describe('signup.mail-requested', () => {
    const contact = { email: 'an@antigone.example', name: 'An' };
    const confirmLink = 'http://portal.example/aanmelden/bevestigen?token=secret-token-123';
    const signUpMail = (payload: Record<string, unknown>) =>
      event(TOPICS.signIn, 'signup.mail-requested', {
        sealedContact: sealText(JSON.stringify(contact), linkKey),
        language: 'nl',
        organisationName: 'Theater Antigone',
        ...payload,
      });
    const confirm = (expiresAt = new Date(Date.now() + 24 * 3600_000)) =>
      signUpMail({ kind: 'confirm', sealedLink: sealText(confirmLink, linkKey), expiresAt: expiresAt.toISOString() });

    it('mails the opened confirmation link once, however often the event comes, and never logs the address or the link', async () => {
      const { sent, signInDeliveries, handle } = setUp();
      const confirmation = confirm();
      const linesBefore = logLines.length;
      await handle(confirmation);
      await handle(confirmation);
      expect(sent.map((m) => [m.to, m.subject, m.messageId])).toEqual([
        [contact.email, 'Bevestig je aanmelding bij koppel', `<signup.${confirmation.id}@koppel>`],
      ]);
      expect(sent[0].text).toContain(confirmLink);
      expect(signInDeliveries.docs.get(confirmation.id)).toMatchObject({ kind: 'signup-confirm', status: 'sent', attempts: 1 });
      const logged = logLines.slice(linesBefore).join('\n');
      expect(logged).toContain('"msg":"sign-up mail sent"');
      expect(logged).toContain('"msg":"sign-up mail already handled, skipping"');
      expect(logged).not.toContain(contact.email);
      expect(logged).not.toContain('secret-token-123');
    });

    it('mails the approval with the portal link and the rejection with the reason', async () => {
      const { sent, handle } = setUp();
      await handle(signUpMail({ kind: 'approved', link: 'http://portal.example/aanmelden' }));
      await handle(signUpMail({ kind: 'rejected', reason: 'Geen gekende organisatie.' }));
      expect(sent.map((m) => m.subject)).toEqual([
        'Je organisatie Theater Antigone is goedgekeurd',
        'Je aanmelding bij koppel werd niet goedgekeurd',
      ]);
      expect(sent[0].text).toContain('http://portal.example/aanmelden');
      expect(sent[1].text).toContain('> Geen gekende organisatie.');
    });

    it('does not mail a confirmation link that expired before it could be mailed', async () => {
      const { sent, signInDeliveries, handle } = setUp();
      const late = confirm(new Date(Date.now() - 1000));
      await handle(late);
      expect(sent).toEqual([]);
      expect(signInDeliveries.docs.get(late.id)?.status).toBe('expired');
    });

    it('throws when the send fails (the consumer retries), and the retry mails it once', async () => {
      let fail = true;
      const { sent, signInDeliveries, handle } = setUp(async () => {
        if (fail) throw new Error('connect ECONNREFUSED 127.0.0.1:1025');
      });
      const confirmation = confirm();
      const linesBefore = logLines.length;
      await expect(handle(confirmation)).rejects.toThrow('ECONNREFUSED');
      expect(signInDeliveries.docs.get(confirmation.id)?.status).toBe('sending');
      fail = false;
      await handle(confirmation);
      await handle(confirmation);
      expect(sent).toHaveLength(1);
      expect(signInDeliveries.docs.get(confirmation.id)).toMatchObject({ status: 'sent', attempts: 2 });
      const logged = logLines.slice(linesBefore).join('\n');
      expect(logged).toContain('"msg":"sign-up mail send failed"');
      expect(logged).not.toContain(contact.email);
      expect(logged).not.toContain('secret-token-123');
    });

    it('dead-letters at once an event it can never mail: a contact sealed with another key, a confirm without its link', async () => {
      const { sent, signInDeliveries, handle } = setUp();
      const otherKey = randomBytes(32).toString('base64url');
      await expect(
        handle(
          signUpMail({ kind: 'approved', link: 'http://portal.example/', sealedContact: sealText(JSON.stringify(contact), otherKey) }),
        ),
      ).rejects.toBeInstanceOf(PermanentError);
      await expect(handle(signUpMail({ kind: 'confirm', expiresAt: new Date().toISOString() }))).rejects.toBeInstanceOf(PermanentError);
      await expect(handle(signUpMail({ kind: 'rejected' }))).rejects.toBeInstanceOf(PermanentError);
      expect(sent).toEqual([]);
      expect(signInDeliveries.docs.size).toBe(0);
    });
  });
});
