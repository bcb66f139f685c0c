import { join } from 'node:path';
import { signToken } from '@koppel/auth';
import { TOPICS } from '@koppel/contracts';
import { findFreePort } from '@koppel/infra/src/process';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * The mail server down, end to end: a notifier whose SMTP port has nothing
 * listening reports `mail.failed`, the console lists the failed mails, and
 * once mail works again a resend from the console delivers each mail exactly once.
 *
 * How it avoids disturbing the shared notifier: the extra instances use their
 * own consumer group but the shared notifier's database, and the shared
 * notifier is paused (SIGSTOP) while they work. With a database of its own,
 * the extra notifier could not stop the shared one from mailing the same
 * approval (both groups receive every event), so "exactly once" would not
 * hold. With the shared database, the shared notifier, once resumed, finds the
 * deliveries sent and the resend requests carried out, and sends nothing.
 */
describe('a failing mail server, end to end', () => {
  const { stack, inbox, kafka } = e2eContext();
  const sharedNotifierPid = stack.services.notifier.pid;
  const extras: { stop(): Promise<void> }[] = [];

  afterAll(async () => {
    for (const extra of extras) await extra.stop().catch(() => undefined);
    try {
      process.kill(sharedNotifierPid, 'SIGCONT');
    } catch {
      /* already gone */
    }
  });

  it('shows mail.failed in the console, and a resend once SMTP works delivers each mail once', async () => {
    const tag = uniqueTag();
    const common = {
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
      ports: 'ephemeral' as const,
      logDir: join(stack.runDir, 'services'),
      namespace: stack.namespace,
    };
    const extraEnv = (smtpPort: number) => ({
      NOTIFIER_GROUP_ID: `${stack.namespace}-notifier-smtp-down-${tag}`,
      NOTIFIER_DB: `${stack.namespace}-koppel-notifier`,
      SMTP_HOST: stack.smtp.host,
      SMTP_PORT: String(smtpPort),
      MAIL_MAX_ATTEMPTS: '2',
      MAIL_RETRY_DELAY_MS: '200',
      REVIEW_PUBLIC_URL: stack.services.review.url,
      OUTBOX_INTERVAL_MS: '300',
    });

    // Pause the shared notifier, start one whose SMTP port has nothing behind it.
    process.kill(sharedNotifierPid, 'SIGSTOP');
    const failing = await startServiceProcess('notifier', { ...common, logName: `notifier-smtp-down-${tag}`, extraEnv: extraEnv(await findFreePort()) });
    extras.push(failing);

    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    // Out of the matcher's pool at once: later tests pair fresh copies of the same dev-set listings, and ours must not outrank theirs.
    await withdrawListings(stack, request.id, offer.id);
    const cookie = await consoleCookie();
    const approved = await fetch(`${stack.services.review.url}/console/proposals/${encodeURIComponent(proposal.id)}/approve`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(approved.status).toBe(303);

    // Both sides' mails fail for good and the console's failed-mails page lists them with a resend button.
    const resendForms = await waitFor('both failed mails in the console', async () => {
      const html = await (await fetch(`${stack.services.review.url}/console/mails`, { headers: { cookie } })).text();
      const actions = [...html.matchAll(/action="(\/console\/proposals\/[^"]+\/resend)"/g)].map((m) => m[1]).filter((a) => a.includes(encodeURIComponent(proposal.id)));
      return actions.length === 2 ? actions : undefined;
    }, { timeoutMs: 60_000, intervalMs: 500 });
    expect(await inbox.to(request.school.email)).toHaveLength(0);

    // The mail server works again (the same instance's group and database, real SMTP); the broker resends both.
    await failing.stop();
    const working = await startServiceProcess('notifier', { ...common, logName: `notifier-smtp-back-${tag}`, extraEnv: extraEnv(stack.smtp.port) });
    extras.push(working);
    for (const action of resendForms) {
      const res = await fetch(`${stack.services.review.url}${action}`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
      expect(res.status).toBe(303);
    }
    await inbox.waitForMailTo(request.school.email);
    await inbox.waitForMailTo(offer.provider.email);
    await waitFor('the console to show both mails sent', async () => {
      const html = await (await fetch(`${stack.services.review.url}/console/proposals/${encodeURIComponent(proposal.id)}`, { headers: { cookie } })).text();
      return (html.match(/<strong>verstuurd<\/strong>/g) ?? []).length === 2;
    }, { timeoutMs: 30_000, intervalMs: 500 });

    // The shared notifier resumes and catches up on the same events: nothing is sent twice.
    await working.stop();
    process.kill(sharedNotifierPid, 'SIGCONT');
    await waitFor('the shared notifier to be healthy again', async () => (await fetch(`${stack.services.notifier.url}/healthz`)).ok, { timeoutMs: 20_000 });
    await waitFor('the shared notifier to catch up', () => caughtUp(`${stack.namespace}-koppel-notifier`, [TOPICS.matchesDecided, TOPICS.mails]), { timeoutMs: 60_000, intervalMs: 500 });
    expect(await inbox.to(request.school.email)).toHaveLength(1);
    expect(await inbox.to(offer.provider.email)).toHaveLength(1);
  });

  /** Whether a consumer group has committed everything on these topics. */
  async function caughtUp(groupId: string, topics: string[]): Promise<boolean> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        for (const end of ends) {
          const done = committed.partitions.find((p) => p.partition === end.partition);
          if (BigInt(end.offset) > 0n && (!done || BigInt(done.offset) < BigInt(end.offset))) return false;
        }
      }
      return true;
    } finally {
      await admin.disconnect();
    }
  }

  async function consoleCookie(): Promise<string> {
    const { token } = signToken(stack.authSecret, { sub: 'ops@example.org', role: 'admin', ttlSeconds: 600 });
    const res = await fetch(`${stack.services.review.url}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    return res.headers.get('set-cookie')!.split(';')[0];
  }
});
