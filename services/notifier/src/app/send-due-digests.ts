import { createEnvelope, type MailFailedPayload, type MailSentPayload, TOPICS } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { outboxEntry } from '@koppel/messaging';
import type { DigestItemDoc, DigestItemStore } from '../store/digest-items';
import type { DigestDoc, DigestStore } from '../store/digests';
import type { MailSource } from '../store/mail-source';
import { localDayAndMinute, minuteOfDay } from './digest-clock';
import { errorTextOf } from './error-text';
import type { MailTransport } from './mail-transport';
import { renderDigestMail } from './mails/digest';
import type { AnswerLinks } from './mails/rendered';
import { mailOutcomes } from './metrics';

export interface DigestDeps {
  items: DigestItemStore;
  digests: DigestStore;
  transport: MailTransport;
  from: string;
  logger: Logger;
  /** "HH:MM" local time after which the day's digests go out. */
  sendTime: string;
  timeZone: string;
  /** How long a sending instance holds a digest before another may take it over (it died, or SMTP failed). */
  leaseMs: number;
  /** After this many failed sends the digest is given up and each of its matches reported `mail.failed` (the console can resend them one by one). */
  maxAttempts: number;
  linksFor: (source: MailSource) => AnswerLinks;
  /** Asks the outbox relay to publish this digest's events now. */
  publishSoon: (digestId: string) => void;
}

/**
 * One pass of the digest scheduler at `now` (injectable, so tests need not
 * wait for a day). After the send time, each provider with collected matches
 * gets at most one digest per local day, even with several notifier
 * instances: the digest is claimed by inserting `<providerId>:<day>` (unique
 * `_id`), and only the instance whose insert succeeded takes the waiting
 * matches (`digestId: null` → its id) and sends. A digest left 'sending'
 * (crash, SMTP down) is taken over once its lease ran out, by a conditional
 * update, and sent with the same Message-ID.
 * Returns the ids of the digests this pass sent.
 */
export async function sendDueDigests(now: Date, deps: DigestDeps): Promise<string[]> {
  const { day, minute } = localDayAndMinute(now, deps.timeZone);
  if (minute < minuteOfDay(deps.sendTime)) return [];
  const sent: string[] = [];

  const waiting = await deps.items.listWaiting(5000);
  const providers = new Map(waiting.map((w) => [w.providerId, w.to]));
  for (const [providerId, to] of providers) {
    const id = `${providerId}:${day}`;
    const claimed = await deps.digests.claim({
      _id: id,
      providerId,
      day,
      to,
      leaseUntil: new Date(now.getTime() + deps.leaseMs),
      messageId: `<digest.${encodeURIComponent(id)}@koppel>`,
      createdAt: now,
    });
    if (!claimed) continue; // another instance has today's digest for this provider (or it went out already); the rest waits for tomorrow
    await deps.items.takeWaiting(providerId, id);
    if (await sendClaimedDigest(id, now, deps)) sent.push(id);
  }

  // Digests whose sender gave up or died: take the lease over and send them again.
  for (const digest of await deps.digests.listLeaseExpired(now, 100)) {
    const taken = await deps.digests.takeOver(digest._id, digest.leaseUntil, new Date(now.getTime() + deps.leaseMs));
    if (taken && (await sendClaimedDigest(digest._id, now, deps))) sent.push(digest._id);
  }
  return sent;
}

/** Renders and sends a digest this instance holds; on success marks it sent and reports `mail.sent` for each match (outbox), so review shows the provider's mail as sent. */
async function sendClaimedDigest(id: string, now: Date, deps: DigestDeps): Promise<boolean> {
  const digest = await deps.digests.startAttempt(id);
  if (!digest) return false;
  const items = await deps.items.listOf(id);
  if (items.length === 0) {
    await deps.digests.markEmpty(id, now);
    return false;
  }
  const provider = items[items.length - 1].source.match.provider;
  const mail = renderDigestMail({
    providerName: provider.name,
    language: provider.language,
    day: digest.day,
    entries: items.map((i) => ({ source: i.source, links: deps.linksFor(i.source) })),
  });
  const log = { digestId: id, matches: items.length, attempt: digest.attempts };
  try {
    await deps.transport.sendMail({
      from: deps.from,
      to: digest.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: digest.messageId,
    });
  } catch (error) {
    const reason = errorTextOf(error);
    if (digest.attempts >= deps.maxAttempts) {
      await markDigestFailed(digest, items, reason, deps);
      return false;
    }
    await deps.digests.recordFailedAttempt(id, reason);
    deps.logger.warn('digest send failed; another pass retries after the lease', { ...log, error: reason });
    return false;
  }
  const sentAt = new Date();
  const events = items.map((i) =>
    mailEvent(i, {
      type: 'mail.sent',
      payload: {
        matchId: i.source.match.matchId,
        recipient: 'provider',
        kind: 'approved',
        messageId: digest.messageId,
        attempts: digest.attempts,
        sentAt: sentAt.toISOString(),
      },
    }),
  );
  await deps.digests.markSent(id, sentAt, itemIdsOf(items), events);
  deps.publishSoon(id);
  mailOutcomes.inc({ kind: 'digest', outcome: 'sent' });
  deps.logger.info('digest sent', log);
  return true;
}

function itemIdsOf(items: DigestItemDoc[]): string[] {
  return items.map((i) => i._id);
}

type MailOutcome = { type: 'mail.sent'; payload: MailSentPayload } | { type: 'mail.failed'; payload: MailFailedPayload };

/** The outcome of one match's mail as an outbox entry on the mails topic, keyed by the match. */
function mailEvent(item: DigestItemDoc, outcome: MailOutcome) {
  return outboxEntry(TOPICS.mails, createEnvelope<MailOutcome['payload']>({ ...outcome, key: item.source.match.matchId }));
}

/**
 * The last attempt failed: the digest stops being retried and each of its
 * matches is reported `mail.failed` for the provider (in the same write, once:
 * conditional on 'sending'), so the console lists them and a broker can have
 * each one resent as a single mail.
 */
async function markDigestFailed(digest: DigestDoc, items: DigestItemDoc[], reason: string, deps: DigestDeps): Promise<void> {
  const failedAt = new Date().toISOString();
  const events = items.map((i) =>
    mailEvent(i, {
      type: 'mail.failed',
      payload: { matchId: i.source.match.matchId, recipient: 'provider', kind: 'approved', reason, attempts: digest.attempts, failedAt },
    }),
  );
  if (await deps.digests.markFailed(digest._id, reason, itemIdsOf(items), events)) {
    deps.publishSoon(digest._id);
    mailOutcomes.inc({ kind: 'digest', outcome: 'failed' });
    deps.logger.error('digest failed for good, its matches reported to the console', {
      digestId: digest._id,
      matches: items.length,
      attempts: digest.attempts,
    });
  }
}

/** Runs `sendDueDigests` every `intervalMs`; one pass at a time per instance. */
export function startDigestScheduler(deps: DigestDeps, intervalMs: number, now: () => Date = () => new Date()): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = sendDueDigests(now(), deps)
      .catch((error) => deps.logger.error('digest pass failed', { error: error as Error }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
