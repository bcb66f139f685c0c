import { bearer, requestJson, type TestStack } from '@koppel/testkit';

/**
 * Withdraws a test's request and offer once its proposal is decided (a pending
 * proposal is withdrawn with its listing: issue #11). Tests copy the
 * same dev-set pairs with fresh ids, and the matcher proposes only the best few
 * offers per request: copies left active would tie with, and crowd out, the
 * copies of tests that run later in the same stack.
 */
export async function withdrawListings(stack: TestStack, requestId: string, offerId: string): Promise<void> {
  for (const path of [`requests/${requestId}`, `offers/${offerId}`]) {
    const res = await requestJson('POST', `${stack.services.intake.url}/${path}/withdraw`, {}, bearer(stack.adminToken));
    if (res.status !== 200) throw new Error(`withdrawing ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
}
