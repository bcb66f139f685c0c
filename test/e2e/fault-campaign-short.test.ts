import { join } from 'node:path';
import { startInfra } from '@koppel/infra';
import { startServices } from '@koppel/launcher';
import { campaignLine, campaignStackOf, localStackAuth, runFaultCampaign } from '@koppel/testkit';
import { e2eContext } from './helpers';

/**
 * The short form of `npm run bench:faults`: every fault of the campaign, briefly,
 * on a stack of its own (it pauses the broker and the database and kills services,
 * so the shared stack stays out of it), under a light steady load with approvals.
 * Nothing accepted may be lost, no mail doubled, nothing dead-lettered or left half
 * done, and every service ready again. The long pauses are the benchmark's job.
 */
describe('the fault campaign, short', () => {
  const { stack } = e2eContext();

  it('loses, doubles, parks and strands nothing through six faults', async () => {
    const runDir = join(stack.runDir, `fault-campaign-${Date.now().toString(36)}`);
    const infra = await startInfra({ mode: 'local', ports: 'ephemeral', mailCatcher: true, runDir: join(runDir, 'infra') });
    const auth = localStackAuth('fault-campaign');
    const namespace = `faults${Date.now().toString(36)}`;
    try {
      const services = await startServices({
        infra: infra.endpoints,
        ports: 'ephemeral',
        logDir: join(runDir, 'services'),
        namespace,
        env: { LOG_LEVEL: 'warn', AUTH_TOKEN_SECRET: auth.secret, INTAKE_RATE_LIMIT_PER_MINUTE: '1000000' },
      });
      try {
        const lines: string[] = [];
        const result = await runFaultCampaign(campaignStackOf({ infra, services, namespace, auth }), {
          rate: 2,
          settleSeconds: 3,
          brokerPauseSeconds: 4,
          databasePauseSeconds: 6,
          smtpDownSeconds: 6,
          seedOffers: 20,
          log: (line) => {
            lines.push(line);
            process.stderr.write(`[fault campaign] ${line}\n`);
          },
        });
        const { verdict } = result;
        expect({ lost: verdict.lostSamples, stuck: verdict.stuckSamples, log: verdict.lost + verdict.stuck > 0 ? lines : [] }).toEqual({
          lost: [],
          stuck: [],
          log: [],
        });
        expect(campaignLine(result)).toMatch(
          /^accepted=\d+ lost=0 duplicate_mails=0 dead_lettered=0 stuck=0 faults=6 recovered_s=\d+\.\d$/,
        );
        expect(result.faults.every((f) => f.recoveredSeconds !== undefined)).toBe(true);
        expect(result.ready).toEqual({ intake: true, matcher: true, review: true, notifier: true, portal: true });
        // Enough flowed through the faults for the verdict to mean something.
        expect(result.accepted).toBeGreaterThan(50);
        expect(verdict.approvedMatches).toBeGreaterThan(5);
        expect(verdict.mails).toBe(2 * verdict.approvedMatches);
      } finally {
        await services.stop();
      }
    } finally {
      await infra.stop();
    }
  }, 480_000);
});
