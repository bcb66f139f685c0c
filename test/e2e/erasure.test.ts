import mongoose from 'mongoose';
import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

/**
 * Issue #11: nobody could be erased. An organisation with an offer, a proposal, sent
 * match mails and a sign-in mail is erased through intake's API; then every collection
 * of every service database is scanned for its contact's address and name, and neither
 * is found anywhere. (The topics that keep events for 7 days still hold them until they
 * expire: see docs/security.md.)
 */
describe('erasing an organisation', () => {
  const { stack, inbox } = e2eContext();

  it('leaves its contact address and name in no collection of any service database', async () => {
    const tag = uniqueTag();
    const intake = stack.services.intake.url;
    const review = stack.services.review.url;
    const address = `jan.erase-${tag}@example.org`;
    const person = `Jan Erase ${tag}`;
    const id = `prov-erase-${tag}`;
    const created = await requestJson('POST', `${intake}/organisations`, {
      id, type: 'artist', name: `Atelier ${person}`, contacts: [{ name: person, email: address, language: 'nl' }], place: { postcode: '8500', country: 'BE' },
    }, bearer(stack.adminToken));
    expect(created.status).toBe(201);
    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    offer.provider = { id, name: `Atelier ${person}`, email: address, language: 'nl' };
    expect((await requestJson('POST', `${intake}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${intake}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    expect((await requestJson('POST', `${review}/proposals/${encodeURIComponent(proposal.id)}/approve`, {}, bearer(stack.adminToken))).status).toBe(200);
    await inbox.waitForMailTo(address);
    expect((await requestJson('POST', `${intake}/auth/sign-in-links`, { email: address })).status).toBe(202);
    await inbox.waitForMailTo(address, 2);
    // The mail outcomes reached review too: the address is everywhere now.
    await waitFor('the mail outcome in review', async () => {
      const res = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
      return JSON.stringify(res.body).includes(address);
    }, { timeoutMs: 30_000, intervalMs: 500 });
    const before = await holdersOf(stack.mongoUri, [address, person]);
    process.stderr.write(`before erasure: ${before.map((h) => h.split(" ")[0]).join(", ")}\n`);
    expect(before).not.toEqual([]);

    expect((await requestJson('DELETE', `${intake}/organisations/${id}`, undefined, bearer(stack.adminToken))).status).toBe(400);
    const erased = await requestJson('DELETE', `${intake}/organisations/${id}?erase=true`, undefined, bearer(stack.adminToken));
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ status: 'withdrawn', contacts: [] });
    expect(erased.body.erasedAt).toBeDefined();

    let left: string[] = [];
    await waitFor('no collection holding the address or the name', async () => {
      left = await holdersOf(stack.mongoUri, [address, person]);
      return left.length === 0;
    }, { timeoutMs: 30_000, intervalMs: 1000 }).catch(() => undefined);
    expect(left).toEqual([]);
    // Erasing again is harmless (it finishes an interrupted erasure); the match itself stays, anonymised.
    expect((await requestJson('DELETE', `${intake}/organisations/${id}?erase=true`, undefined, bearer(stack.adminToken))).status).toBe(200);
    const kept = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
    expect(kept.body.match.provider).toMatchObject({ id, email: 'gewist@koppel.invalid' });
    expect((await requestJson('POST', `${intake}/requests/${request.id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);
  });
});

/** `<database>.<collection>` of every document, in every database on the server, that holds one of the texts (case-insensitive). */
async function holdersOf(mongoUri: string, texts: string[]): Promise<string[]> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const needles = texts.map((t) => t.toLowerCase());
    const holders: string[] = [];
    const { databases } = await connection.db!.admin().listDatabases();
    for (const { name } of databases) {
      if (['admin', 'local', 'config'].includes(name)) continue;
      const db = connection.getClient().db(name);
      for (const { name: collection } of await db.listCollections().toArray()) {
        for await (const doc of db.collection(collection).find({})) {
          const text = JSON.stringify(doc).toLowerCase();
          if (needles.some((n) => text.includes(n))) holders.push(`${name}.${collection} ${String(doc._id)}`);
        }
      }
    }
    return holders;
  } finally {
    await connection.close();
  }
}
