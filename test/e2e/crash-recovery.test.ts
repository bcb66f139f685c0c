import { join } from 'node:path';
import mongoose from 'mongoose';
import { TOPICS } from '@koppel/contracts';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, readTopic, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('intake killed after the database write and before the publish', () => {
  const { stack, kafka } = e2eContext();

  it('publishes the event exactly once after a restart, and the match follows', async () => {
    const tag = uniqueTag();
    const { request, offer } = goodPair('req-0001', 'off-0007', tag);
    // The offer goes through the shared intake; the request through an intake of its own that crashes.
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);

    const database = `${stack.namespace}-crash-intake-${tag}`;
    const common = {
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
      ports: 'ephemeral' as const,
      logDir: join(stack.runDir, 'services'),
      namespace: stack.namespace,
    };
    const crashing = await startServiceProcess('intake', {
      ...common,
      logName: `intake-crash-${tag}`,
      extraEnv: { INTAKE_DB: database, INTAKE_FAULT_CRASH_AFTER_WRITE: 'true', AUTH_TOKEN_SECRET: stack.authSecret },
    });
    await expect(requestJson('POST', `${crashing.url}/requests`, request, bearer(stack.adminToken))).rejects.toThrow();
    await waitFor('the crashing intake to be gone', () => !isAlive(crashing.pid), { timeoutMs: 10_000 });

    // The write happened, with its event waiting in the document's outbox...
    const connection = await mongoose.createConnection(stack.mongoUri, { dbName: database }).asPromise();
    try {
      const stored = await connection.collection('requests').findOne({ _id: request.id as any });
      expect(stored?.pendingEventCount).toBe(1);
      expect(Object.keys(stored?.pendingEvents ?? {})).toHaveLength(1);
    } finally {
      await connection.close();
    }
    // ...and nothing was published.
    const before = await readTopic(kafka, TOPICS.requests, () => false, 3000);
    expect(before.filter((m) => m.key === request.id)).toHaveLength(0);

    // Restart without the fault: the relay publishes what the crash left behind.
    const restarted = await startServiceProcess('intake', {
      ...common,
      logName: `intake-restarted-${tag}`,
      extraEnv: { INTAKE_DB: database, AUTH_TOKEN_SECRET: stack.authSecret },
    });
    try {
      const proposal = await waitForProposal(stack, request.id, offer.id);
      expect(proposal.match.requestId).toBe(request.id);
      const after = await readTopic(kafka, TOPICS.requests, (ms) => ms.some((m) => m.key === request.id), 10_000);
      expect(after.filter((m) => m.key === request.id)).toHaveLength(1);
      const list = await requestJson(
        'GET',
        `${stack.services.review.url}/proposals?limit=100&sort=newest`,
        undefined,
        bearer(stack.adminToken),
      );
      expect(list.body.items.filter((p: any) => p.match.requestId === request.id && p.match.offerId === offer.id)).toHaveLength(1);
    } finally {
      await restarted.stop();
    }
  });
});
