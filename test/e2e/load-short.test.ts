import { percentile, pipelineNames, runLoad } from '@koppel/testkit';
import { e2eContext } from './helpers';

/**
 * The short form of `npm run bench:load`: a few seconds of open-loop load at a
 * modest rate through the running stack. Every accepted request and offer must
 * reach the matcher, and every proposal the matcher published must reach review,
 * as read from the broker and the databases. Speed is the benchmark's job
 * (docs/performance.md); this only proves nothing is left behind.
 */
describe('a short burst of load', () => {
  const { stack, kafka } = e2eContext();

  it('processes every accepted request and offer: none left in an outbox, the matcher or review', async () => {
    const result = await runLoad({
      intakeUrl: stack.services.intake.url,
      kafka,
      mongoUri: stack.mongoUri,
      names: pipelineNames(stack.namespace),
      authSecret: stack.authSecret,
      adminToken: stack.adminToken,
      rate: 20,
      seconds: 3,
      tag: `short${Date.now().toString(36)}`,
      schools: 10,
      providers: 4,
      seedOffers: 30,
      drainTimeoutMs: 60_000,
    });
    expect(result.errorSamples).toEqual([]);
    expect(result.sent).toBe(60);
    expect(result.drainedAfterMs).toBeDefined();
    expect(result.report.missingAtMatcher).toEqual([]);
    expect(result.report.missingAtReview).toEqual([]);
    expect(result.report.unprocessed).toBe(0);
    // The workload is meant to match: most requests find something, and review stored it after the POST.
    expect(result.report.requestsWithProposals).toBeGreaterThan(10);
    expect(percentile(result.report.proposalLatencies, 0)).toBeGreaterThan(0);
  });
});
