import { reviewApiDocument } from '../src/http/openapi';

/** Review's OpenAPI document names the insights route with the parameters its zod schema parses (issue #14). */
describe("review's OpenAPI document", () => {
  const document = reviewApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { required?: string[]; properties?: Record<string, { required?: string[] }> }> };
  };

  it('describes /insights/summary with its query parameters and the figures it answers', () => {
    expect(document.openapi).toBe('3.1.0');
    const summary = document.paths['/insights/summary'].get;
    const names = (summary.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual(expect.arrayContaining(['query:region', 'query:from', 'query:to']));
    expect(Object.keys(summary.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const schema = document.components.schemas.InsightsSummary;
    expect(schema.required).toEqual(['requests', 'offers', 'unmatched', 'supplyDemand', 'funnel']);
    expect(schema.properties?.requests.required).toEqual(['total', 'withProposal', 'withoutProposal']);
    expect(schema.properties?.funnel.required).toEqual(['proposed', 'approved', 'confirmed', 'declined']);
  });

  it("describes /insights/demand with its query parameters and the provider's anonymised figures", () => {
    const demand = document.paths['/insights/demand'].get;
    expect((demand.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort()).toEqual(['query:months', 'query:provider']);
    expect(Object.keys(demand.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(document.components.schemas.ProviderDemand.required).toEqual([
      'provider',
      'months',
      'requestsInReach',
      'byDiscipline',
      'byAgeBand',
      'byMonth',
      'recent',
    ]);
  });

  it('lists every API route review serves to tokens', () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      '/insights/demand',
      '/insights/summary',
      '/proposals',
      '/proposals/{id}',
      '/proposals/{id}/approve',
      '/proposals/{id}/reject',
      '/suggestions',
      '/suggestions/{id}/answer',
    ]);
    expect(document.paths['/proposals'].get.parameters?.length).toBeGreaterThan(0);
  });
});
