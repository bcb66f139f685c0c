import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { signAnswerToken } from '@koppel/answer-links';
import { TOPICS } from '@koppel/contracts';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, readTopic, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * Review killed between recording the second "interested" and confirming the match
 * (two writes, no transaction): after a restart the match is confirmed, and
 * `match.confirmed` is published exactly once. A review of its own (own database
 * and group) crashes, so the shared one is untouched.
 */
describe('review killed after recording an answer and before confirming the match', () => {
  const { stack, kafka } = e2eContext();

  it('confirms the match after a restart, once', async () => {
    const tag = uniqueTag();
    const secret = randomBytes(32).toString('base64url');
    const database = `${stack.namespace}-answer-crash-${tag}`;
    const common = {
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
      ports: 'ephemeral' as const,
      logDir: join(stack.runDir, 'services'),
      namespace: stack.namespace,
    };
    const env = {
      REVIEW_DB: database,
      REVIEW_INSIGHTS_DB: `${database}-insights`,
      REVIEW_GROUP_ID: `${stack.namespace}-review-answer-crash-${tag}`,
      ANSWER_LINK_SECRET: secret,
      AUTH_TOKEN_SECRET: stack.authSecret,
    };
    const crashing = await startServiceProcess('review', {
      ...common,
      logName: `review-answer-crash-${tag}`,
      extraEnv: { ...env, REVIEW_FAULT_CRASH_AFTER_ANSWER: 'true' },
    });
    let restarted: Awaited<ReturnType<typeof startServiceProcess>> | undefined;
    try {
      const { request, offer } = goodPair('req-0003', 'off-0002', tag);
      expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
      expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
      const proposal = await waitForProposal(stack, request.id, offer.id, 60_000, crashing.url);
      expect(
        (await requestJson('POST', `${crashing.url}/proposals/${encodeURIComponent(proposal.id)}/approve`, {}, bearer(stack.adminToken)))
          .status,
      ).toBe(200);
      await withdrawListings(stack, request.id, offer.id);

      const answer = (side: 'school' | 'provider') =>
        fetch(
          `${crashing.url}/answers/${signAnswerToken({ matchId: proposal.id, side, answer: 'interested', expiresAt: new Date(Date.now() + 3_600_000) }, secret)}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: '',
          },
        );
      expect((await answer('school')).status).toBe(200);
      // The second answer is written, then the process dies before confirming.
      await expect(answer('provider')).rejects.toThrow();

      const connection = await mongoose.createConnection(stack.mongoUri, { dbName: database }).asPromise();
      try {
        const stranded = await connection.collection('proposals').findOne({ _id: proposal.id });
        expect(stranded?.status).toBe('approved');
        expect(stranded?.answers?.school?.answer).toBe('interested');
        expect(stranded?.answers?.provider?.answer).toBe('interested');
      } finally {
        await connection.close();
      }

      restarted = await startServiceProcess('review', { ...common, logName: `review-answer-restarted-${tag}`, extraEnv: env });
      const confirmed = await waitFor(
        'the match confirmed after the restart',
        async () => {
          const res = await requestJson(
            'GET',
            `${restarted!.url}/proposals/${encodeURIComponent(proposal.id)}`,
            undefined,
            bearer(stack.adminToken),
          );
          return res.body?.status === 'confirmed' ? res.body : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 300 },
      );
      expect(confirmed.status).toBe('confirmed');
      const isConfirmation = (value: string | null) => value?.includes('"match.confirmed"') && value.includes(JSON.stringify(proposal.id));
      await readTopic(kafka, TOPICS.matchesAnswered, (ms) => ms.some((m) => isConfirmation(m.value)), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const events = await readTopic(kafka, TOPICS.matchesAnswered, () => false, 2000);
      expect(events.filter((m) => isConfirmation(m.value))).toHaveLength(1);
    } finally {
      await crashing.stop().catch(() => undefined);
      await restarted?.stop();
    }
  });
});
