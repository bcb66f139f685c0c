import { bearer, requestJson } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * An offer's update is matched again: intake publishes `offer.updated`
 * through its outbox, the matcher re-indexes the offer and proposes it to the
 * open requests it now fits, and review lists the proposal with the new text.
 */
describe('an updated offer is matched again', () => {
  const { stack } = e2eContext();

  it('proposes an offer once an update makes it fit a waiting request', async () => {
    const tag = uniqueTag();
    const intake = stack.services.intake.url;
    const { request, offer } = goodPair('req-0001', 'off-0035', tag);
    // First published for pupils years older than the request's: the age constraint rules the pair out.
    const tooOld = { ...offer, audience: { ageMin: request.pupils.ageMax + 4, ageMax: request.pupils.ageMax + 6 } };
    expect((await requestJson('POST', `${intake}/offers`, tooOld, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${intake}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    await expect(waitForProposal(stack, request.id, offer.id, 4000)).rejects.toThrow();

    // The provider corrects the ages and the title: the same offer, revision 2.
    const corrected = { ...offer, title: `${offer.title} (bijgewerkt)` };
    const updated = await requestJson('PUT', `${intake}/offers/${offer.id}`, corrected, { ...bearer(stack.adminToken), 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.body.revision).toBe(2);

    const proposal = await waitForProposal(stack, request.id, offer.id);
    expect(proposal.match.offer.title).toBe(corrected.title);
    expect(proposal.score).toBeGreaterThan(0);
    await withdrawListings(stack, request.id, offer.id);
  });
});
