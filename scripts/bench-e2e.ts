/**
 * `npm run --silent bench:e2e [-- --runs 20]`: end-to-end latency on the real stack.
 * Each run POSTs an offer and a request, waits for the proposal in review,
 * approves it, and waits for both mails in the mail catcher. Prints per-phase
 * medians and p90; the last line is machine-readable.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startInfra } from '@koppel/infra';
import { startServices } from '@koppel/launcher';
import { bearer, demoOffers, demoRequests, localStackAuth, MailInbox, percentile, requestJson, uniqueCopy, waitFor } from '@koppel/testkit';

const ROOT = resolve(__dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const runDir = join(ROOT, '.run/bench-e2e');
  // A fresh broker and database each time: earlier runs' identical copies would tie with this run's.
  rmSync(runDir, { recursive: true, force: true });
  const infra = await startInfra({ ports: 'ephemeral', mailCatcher: true, runDir: join(runDir, 'infra'), log: err });
  const auth = localStackAuth('bench-admin');
  const services = await startServices({
    infra: infra.endpoints,
    ports: 'ephemeral',
    logDir: join(runDir, 'services'),
    namespace: `bench${Date.now().toString(36)}`,
    env: { LOG_LEVEL: 'warn', AUTH_TOKEN_SECRET: auth.secret },
    log: err,
  });
  const inbox = new MailInbox(infra.endpoints.mailInboxUrl!);
  const offer0 = demoOffers().find((o) => o.id === 'off-0035')!;
  const request0 = demoRequests().find((r) => r.id === 'req-0001')!;
  const toProposal: number[] = [];
  const approvalToMails: number[] = [];
  const total: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const tag = `b${Date.now().toString(36)}${i}`;
      const offer = uniqueCopy(offer0, tag);
      const request = uniqueCopy(request0, tag);
      await requestJson('POST', `${services.services.intake.url}/offers`, offer, bearer(auth.adminToken));
      const t0 = performance.now();
      await requestJson('POST', `${services.services.intake.url}/requests`, request, bearer(auth.adminToken));
      const proposal = await waitFor(
        'proposal',
        async () => {
          const res = await requestJson(
            'GET',
            `${services.services.review.url}/proposals?status=proposed&sort=newest&limit=50`,
            undefined,
            bearer(auth.adminToken),
          );
          return res.body.items.find((p: any) => p.match.requestId === request.id && p.match.offerId === offer.id);
        },
        { intervalMs: 5 },
      );
      const t1 = performance.now();
      await requestJson(
        'POST',
        `${services.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
        {},
        bearer(auth.adminToken),
      );
      await waitFor(
        'both mails',
        async () => (await inbox.to(request.school.email)).length > 0 && (await inbox.to(offer.provider.email)).length > 0,
        { intervalMs: 5 },
      );
      const t2 = performance.now();
      toProposal.push(t1 - t0);
      approvalToMails.push(t2 - t1);
      total.push(t2 - t0);
      // Withdraw this run's offer and request so every run starts from the same state;
      // otherwise each identical copy would be proposed to all earlier identical requests.
      await requestJson(
        'POST',
        `${services.services.intake.url}/offers/${encodeURIComponent(offer.id)}/withdraw`,
        {},
        bearer(auth.adminToken),
      );
      await requestJson(
        'POST',
        `${services.services.intake.url}/requests/${encodeURIComponent(request.id)}/withdraw`,
        {},
        bearer(auth.adminToken),
      );
      err(`run ${i + 1}/${runs}: POST→proposal ${(t1 - t0).toFixed(0)} ms, approve→both mails ${(t2 - t1).toFixed(0)} ms`);
    }
  } finally {
    await services.stop();
    await infra.stop();
  }
  const fmt = (xs: number[]) => `median ${percentile(xs, 50).toFixed(0)} ms, p90 ${percentile(xs, 90).toFixed(0)} ms`;
  console.log(`POST request → proposal listed:   ${fmt(toProposal)}`);
  console.log(`approve → both mails received:    ${fmt(approvalToMails)}`);
  console.log(`POST → both mails (minus review): ${fmt(total)}`);
  console.log(
    `runs=${runs} post_to_proposal_p50_ms=${percentile(toProposal, 50).toFixed(0)} approve_to_mails_p50_ms=${percentile(approvalToMails, 50).toFixed(0)} total_p50_ms=${percentile(total, 50).toFixed(0)}`,
  );
  process.exit(0);
}

main().catch((error) => {
  err(`bench:e2e failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
