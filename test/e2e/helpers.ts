import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import {
  bearer,
  demoOffers,
  demoRequests,
  MailInbox,
  readTestStack,
  requestJson,
  uniqueCopy,
  waitFor,
  type TestStack,
} from '@koppel/testkit';
import type { Offer, Request } from '@koppel/contracts';

/** Shared wiring for the end-to-end tests: the running stack, a kafka client, the inbox, and dev-set pairs. */
export function e2eContext() {
  const stack: TestStack = readTestStack();
  const kafka = new Kafka({ clientId: 'koppel-e2e', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
  const inbox = new MailInbox(stack.mailInboxUrl);
  return { stack, kafka, inbox };
}

/**
 * A request and an offer from the demo set that a teacher would happily pair,
 * with fresh ids, moved together to a longitude of their own. Moving both by the
 * same longitude keeps their distance exactly (haversine depends only on the
 * latitudes and the longitude difference), and puts them hundreds of kilometres
 * from every other test's copies, so earlier copies can never crowd this pair out
 * of the matcher's top N.
 */
export function goodPair(requestId: string, offerId: string, tag: string): { request: Request; offer: Offer } {
  const request = demoRequests().find((r) => r.id === requestId);
  const offer = demoOffers().find((o) => o.id === offerId);
  if (!request || !offer) throw new Error(`demo set lacks ${requestId} or ${offerId}`);
  const shift = nextLongitudeShift();
  const requestCopy = uniqueCopy(request, tag);
  const offerCopy = uniqueCopy(offer, tag);
  requestCopy.school = { ...requestCopy.school, lon: requestCopy.school.lon + shift };
  offerCopy.location = { ...offerCopy.location, lon: offerCopy.location.lon + shift };
  return { request: requestCopy, offer: offerCopy };
}

/** 2° of longitude apart (≈ 140 km here): farther than any travel limit in the demo set. */
function nextLongitudeShift(): number {
  const file = join(readTestStack().runDir, 'pair-slot');
  const slot = existsSync(file) ? Number(readFileSync(file, 'utf8')) + 1 : 1;
  writeFileSync(file, String(slot));
  return 2 * (slot % 85);
}

export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Waits until the review service lists a proposal for exactly this pair. */
export async function waitForProposal(
  stack: TestStack,
  requestId: string,
  offerId: string,
  timeoutMs = 30_000,
  reviewUrl = stack.services.review.url,
): Promise<any> {
  return waitFor(
    `proposal ${requestId} × ${offerId}`,
    async () => {
      const res = await requestJson(
        'GET',
        `${reviewUrl}/proposals?status=proposed&sort=newest&limit=100`,
        undefined,
        bearer(stack.adminToken),
      );
      return res.body.items.find((p: any) => p.match.requestId === requestId && p.match.offerId === offerId);
    },
    { timeoutMs, intervalMs: 200 },
  );
}
