import { join } from 'node:path';
import { signToken } from '@koppel/auth';
import { deadLetterTopicFor, TOPICS } from '@koppel/contracts';
import { startMaildevLocal } from '@koppel/infra/src/maildev-local';
import { findFreePort, stopPid } from '@koppel/infra/src/process';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, MailInbox, readTopic, requestJson, startRefusingSmtp, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * A failing mail server, end to end, both kinds:
 * - one that refuses the mail (550, permanent): the notifier reports `mail.failed`
 *   at once, the console lists the failed mails, and once mail works again a
 *   resend from the console delivers each mail exactly once;
 * - one that is away (nothing listening: transient): the notifier waits it out
 *   without reporting anything failed or dead-lettering, and mails each side
 *   exactly once when the server is back.
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

  it('a mail server that refuses (550): mail.failed in the console at once, and a resend once SMTP works delivers each mail once', async () => {
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

    // Pause the shared notifier, start one whose mail server refuses every recipient.
    const refusing = await startRefusingSmtp({ code: 550, message: '5.1.1 mailbox unavailable' });
    extras.push({ stop: () => refusing.close() });
    process.kill(sharedNotifierPid, 'SIGSTOP');
    const failing = await startServiceProcess('notifier', {
      ...common,
      logName: `notifier-smtp-refuses-${tag}`,
      extraEnv: extraEnv(refusing.port),
    });
    extras.push(failing);

    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    const cookie = await consoleCookie();
    const approved = await fetch(`${stack.services.review.url}/console/proposals/${encodeURIComponent(proposal.id)}/approve`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(approved.status).toBe(303);
    // Out of the matcher's pool once decided: later tests pair fresh copies of the same dev-set listings, and ours must not outrank theirs.
    await withdrawListings(stack, request.id, offer.id);

    // Both sides' mails fail for good and the console's failed-mails page lists them with a resend button.
    const resendForms = await waitFor(
      'both failed mails in the console',
      async () => {
        const html = await (await fetch(`${stack.services.review.url}/console/mails`, { headers: { cookie } })).text();
        const actions = [...html.matchAll(/action="(\/console\/proposals\/[^"]+\/resend)"/g)]
          .map((m) => m[1])
          .filter((a) => a.includes(encodeURIComponent(proposal.id)));
        return actions.length === 2 ? actions : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(await inbox.to(request.school.email)).toHaveLength(0);
    // Refused once each: a 5xx is not retried.
    expect(refusing.refused.filter((a) => a === request.school.email || a === offer.provider.email).sort()).toEqual(
      [request.school.email, offer.provider.email].sort(),
    );

    // The mail server works again (the same instance's group and database, real SMTP); the broker resends both.
    await failing.stop();
    const working = await startServiceProcess('notifier', {
      ...common,
      logName: `notifier-smtp-back-${tag}`,
      extraEnv: extraEnv(stack.smtp.port),
    });
    extras.push(working);
    for (const action of resendForms) {
      const res = await fetch(`${stack.services.review.url}${action}`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
      expect(res.status).toBe(303);
    }
    await inbox.waitForMailTo(request.school.email);
    await inbox.waitForMailTo(offer.provider.email);
    await waitFor(
      'the console to show both mails sent',
      async () => {
        const html = await (
          await fetch(`${stack.services.review.url}/console/proposals/${encodeURIComponent(proposal.id)}`, { headers: { cookie } })
        ).text();
        return (html.match(/<strong>verstuurd<\/strong>/g) ?? []).length === 2;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );

    // The shared notifier resumes and catches up on the same events: nothing is sent twice.
    await working.stop();
    process.kill(sharedNotifierPid, 'SIGCONT');
    await waitFor('the shared notifier to be healthy again', async () => (await fetch(`${stack.services.notifier.url}/healthz`)).ok, {
      timeoutMs: 20_000,
    });
    await waitFor(
      'the shared notifier to catch up',
      () => caughtUp(`${stack.namespace}-koppel-notifier`, [TOPICS.matchesDecided, TOPICS.mails]),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(await inbox.to(request.school.email)).toHaveLength(1);
    expect(await inbox.to(offer.provider.email)).toHaveLength(1);
  });

  it('a mail server that is away: waited out without mail.failed or dead-lettering, each side mailed once when it is back', async () => {
    const tag = uniqueTag();
    const [smtpPort, webPort] = [await findFreePort(), await findFreePort()];
    const groupId = `${stack.namespace}-notifier-smtp-away-${tag}`;
    const common = {
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
      ports: 'ephemeral' as const,
      logDir: join(stack.runDir, 'services'),
      namespace: stack.namespace,
    };

    process.kill(sharedNotifierPid, 'SIGSTOP');
    const waiting = await startServiceProcess('notifier', {
      ...common,
      logName: `notifier-smtp-away-${tag}`,
      extraEnv: {
        NOTIFIER_GROUP_ID: groupId,
        NOTIFIER_DB: `${stack.namespace}-koppel-notifier`,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        MAIL_MAX_ATTEMPTS: '2',
        MAIL_RETRY_DELAY_MS: '200',
        REVIEW_PUBLIC_URL: stack.services.review.url,
        OUTBOX_INTERVAL_MS: '300',
      },
    });
    extras.push(waiting);

    const { request, offer } = goodPair('req-0001', 'off-0035', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    const approved = await requestJson(
      'POST',
      `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
      {},
      bearer(stack.adminToken),
    );
    expect(approved.status).toBe(200);
    await withdrawListings(stack, request.id, offer.id);

    // Well past MAIL_MAX_ATTEMPTS, the notifier is still waiting: not ready, the failure shown, nothing given up.
    const report = await waitFor(
      'the notifier to be retrying the mail',
      async () => {
        const res = await fetch(`${waiting.url}/readyz`);
        const body = (await res.json()) as { checks: { consumer: { state: string; retrying?: { attempts: number; error: string } } } };
        return res.status === 503 && (body.checks.consumer.retrying?.attempts ?? 0) >= 4 ? body : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(report.checks.consumer.state).toBe('retrying');
    const metrics = await (await fetch(`${waiting.url}/metrics`)).text();
    expect(metrics).toContain(`koppel_consumer_retrying{group="${groupId}"} 1`);
    expect(metrics).toMatch(new RegExp(`koppel_consumer_retries_total\\{group="${groupId}",topic="koppel.matches.decided.v1"\\} \\d+`));
    const proposalNow = await requestJson(
      'GET',
      `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}`,
      undefined,
      bearer(stack.adminToken),
    );
    expect(JSON.stringify(proposalNow.body)).not.toContain('"failed"');

    // The mail server comes up on that port: each side gets its mail once, nothing was dead-lettered.
    const mailServer = await startMaildevLocal({
      dir: join(stack.runDir, `maildev-away-${tag}`),
      smtpPort,
      webPort,
      detached: false,
      log: () => undefined,
    });
    extras.push({ stop: () => stopPid(mailServer.service.pid, 5000) });
    const ownInbox = new MailInbox(mailServer.inboxUrl);
    await ownInbox.waitForMailTo(request.school.email, 1, 90_000);
    await ownInbox.waitForMailTo(offer.provider.email, 1, 30_000);
    await waitFor('the notifier ready again', async () => (await fetch(`${waiting.url}/readyz`)).ok, {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    expect(await ownInbox.to(request.school.email)).toHaveLength(1);
    expect(await ownInbox.to(offer.provider.email)).toHaveLength(1);
    const parked = await readTopic(kafka, deadLetterTopicFor(TOPICS.matchesDecided), () => false, 1500);
    expect(parked.filter((m) => m.key === proposal.id)).toHaveLength(0);

    // The shared notifier resumes and finds both deliveries sent: nothing goes twice.
    await waiting.stop();
    process.kill(sharedNotifierPid, 'SIGCONT');
    await waitFor(
      'the shared notifier to catch up',
      () => caughtUp(`${stack.namespace}-koppel-notifier`, [TOPICS.matchesDecided, TOPICS.mails]),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(await inbox.to(request.school.email)).toHaveLength(0);
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
    const res = await fetch(`${stack.services.review.url}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    return res.headers.get('set-cookie')!.split(';')[0];
  }
});
