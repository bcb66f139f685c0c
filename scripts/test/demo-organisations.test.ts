import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrganisationInputSchema, type Offer, type Request } from '@koppel/contracts';
import { demoOrganisations } from '../demo-organisations';

const read = <T>(file: string): T[] =>
  readFileSync(join(__dirname, '../demo-data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** `./koppel demo` posts these to intake: each must pass intake's own input schema. */
describe('demo organisations', () => {
  const offers = read<Offer>('offers.jsonl');
  const requests = read<Request>('requests.jsonl');
  const organisations = demoOrganisations(offers, requests);

  it('has one organisation per distinct school and provider of the demo listings', () => {
    const ids = new Set([...offers.map((o) => o.provider.id), ...requests.map((r) => r.school.id)]);
    expect(organisations.map((o) => o.id).sort()).toEqual([...ids].sort());
  });

  it('passes intake validation for every one, schools with their place', () => {
    for (const organisation of organisations) {
      const parsed = OrganisationInputSchema.safeParse(organisation);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${organisation.id} ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    }
    const school = organisations.find((o) => o.id === requests[0].school.id);
    expect(school?.place?.postcode).toBe(requests[0].school.postcode);
    expect(school?.contacts[0].email).toBe(requests[0].school.email);
  });
});
