import type { Language } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { type InsightsInput, insightsSummary } from '../src/app/insights/figures';
import { inventoryOf } from '../src/app/insights/inventory';
import { csvDocument, csvField, insightsCsv } from '../src/http/console/insights-csv';
import { consoleInsightsQueryOf, InsightsQuerySchema } from '../src/http/insights/query';
import { copyFor } from '../src/http/views/copy';
import { shortages, toneOf } from '../src/http/views/console/heat-map';
import { durationText } from '../src/http/views/console/insights-words';
import { csvUrl, INSIGHT_TABLES, InsightsPage } from '../src/http/views/console/insights-page';
import type { PageView } from '../src/http/views/page-view';

const view = (lang: Language): PageView => ({ lang, copy: copyFor(lang), url: '/console/insights' });
const at = new Date('2026-03-10T09:00:00Z');
const place = { municipality: 'Genk', postcode: '3600', country: 'BE', postcodeNumber: 3600, region: 'Limburg (BE)' };

const input: InsightsInput = {
  requests: [
    {
      id: 'r1',
      schoolId: 's1',
      schoolName: 'Basisschool De Klimop',
      title: '=HYPERLINK("x")',
      ...place,
      disciplines: ['circus'],
      ageMin: 8,
      ageMax: 9,
      pupils: 22,
      createdAt: at,
    },
    {
      id: 'r2',
      schoolId: 's2',
      title: 'Toneel, "graag"',
      ...place,
      disciplines: ['theatre'],
      ageMin: 9,
      ageMax: 10,
      pupils: 25,
      createdAt: at,
    },
  ],
  offers: [
    {
      id: 'o1',
      providerId: 'p1',
      title: 'Jongleren',
      ...place,
      disciplines: ['circus'],
      ageMin: 15,
      ageMax: 18,
      pricePerPupil: 0,
      mode: 'both',
      inclusion: { wheelchairAccess: true },
      createdAt: at,
    },
  ],
  proposals: [
    { requestId: 'r2', status: 'approved', decidedAt: new Date('2026-03-10T10:30:00Z') },
    {
      requestId: 'r2',
      status: 'declined',
      matchId: 'r2::o9',
      offerId: 'o9',
      offerTitle: 'Theater',
      decidedAt: new Date('2026-03-12T09:00:00Z'),
      declinedAt: new Date('2026-03-13T09:00:00Z'),
      answers: { school: { answer: 'not_interested', reason: 'Te duur, "echt"', answeredAt: new Date('2026-03-13T09:00:00Z') } },
    },
  ],
  misses: [
    {
      requestId: 'r1',
      proposals: 0,
      wanted: 3,
      missedAt: at,
      nearMisses: [{ offerId: 'o1', textMatch: 1, score: null, reasons: [{ constraint: 'ages', offerAges: [15, 18], pupilAges: [8, 9] }] }],
    },
  ],
  offerTitles: new Map([['o1', 'Jongleren']]),
};
const summary = insightsSummary(input, { user: { role: 'admin' } });
const inventory = inventoryOf(input.requests, input.offers);

describe('the insights page', () => {
  it.each([
    ['nl', 'leeftijden 15–18, leerlingen 8–9', '9–11 jaar'],
    ['fr', 'âges 15–18, élèves 8–9', '9–11 ans'],
    ['en', 'ages 15–18, pupils 8–9', '9–11 years'],
  ] as const)(
    'in %s: words the reasons, draws the heat map as an image with a text alternative and repeats its numbers in a table',
    (lang, reason, band) => {
      const html = renderPage(
        InsightsPage({
          view: view(lang),
          summary,
          filters: { from: '2026-03-01' },
          regions: ['Limburg (BE)'],
          periods: ['school-year:2026', 'month:2026-11'],
          scopedToBroker: true,
        }),
      );
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`Jongleren (o1): ${reason}`);
      expect(html).toMatch(/<svg class="heat-map"[^>]* role="img" aria-labelledby="heat-map-title heat-map-desc"/);
      expect(html).toContain('<title id="heat-map-title">');
      expect(html).toContain('<desc id="heat-map-desc">');
      expect(html).toContain(`<th scope="col">${band}</th>`);
      // Circus 6–8: one request, no offer; 15–17: an offer, no request.
      expect(html).toContain('<td class="score" data-cell="circus|6-8">1 / 0</td>');
      expect(html).toContain('<td class="score" data-cell="circus|15-17">0 / 1</td>');
      expect(html).toContain('<g data-cell="circus|6-8" data-tone="none">');
      expect(html).toContain('<g data-cell="circus|15-17" data-tone="noDemand">');
      // The unmatched request, not the one with a proposal; the filters on every CSV link; the navigation marks the page.
      expect(html).toContain('<tr data-request-id="r1">');
      expect(html).not.toContain('<tr data-request-id="r2">');
      // Outcomes: r2 first approved 1 h 30 min after it came in; nothing confirmed; the decline with its reason.
      expect(html).toContain('<tr data-match-id="r2::o9">');
      expect(html).toContain('Te duur, &quot;echt&quot;');
      expect(html).toContain(copyFor(lang).insights.noTime);
      // By municipality: Genk, two requests and one offer.
      expect(html).toContain('<tr data-municipality="Genk">');
      // Never reached: s1 (r1 got nothing), not s2 (approved); p1 (o1 never proposed), unnamed.
      expect(html).toContain('<tr data-organisation-id="s1">');
      expect(html).toContain('Basisschool De Klimop');
      expect(html).not.toContain('<tr data-organisation-id="s2">');
      expect(html).toContain('<tr data-organisation-id="p1">');
      expect(html).toContain(copyFor(lang).insights.unnamed);
      for (const table of INSIGHT_TABLES) expect(html).toContain(`href="/console/insights.csv?table=${table}&amp;from=2026-03-01"`);
      expect(html).toMatch(/<a href="\/console\/insights" aria-current="page">/);
      // The ready-made periods, in the reader's words.
      const { schoolYear } = copyFor(lang).insights;
      expect(html).toContain(`<option value="school-year:2026">${schoolYear(2026)}</option>`);
      expect(html).toContain(
        `<option value="month:2026-11">${{ nl: 'november 2026', fr: 'novembre 2026', en: 'November 2026' }[lang]}</option>`,
      );
    },
  );

  it('tints a cell by how far supply falls short, and names the largest gaps first', () => {
    expect(toneOf({ requests: 0, offers: 3 })).toBe('noDemand');
    expect(toneOf({ requests: 2, offers: 2 })).toBe('covered');
    expect(toneOf({ requests: 3, offers: 1 })).toBe('short');
    expect(toneOf({ requests: 1, offers: 0 })).toBe('none');
    const cells = [
      { discipline: 'a', ageBand: '0-5' as const, requests: 2, offers: 1 },
      { discipline: 'b', ageBand: '0-5' as const, requests: 5, offers: 0 },
      { discipline: 'c', ageBand: '0-5' as const, requests: 1, offers: 3 },
    ];
    expect(shortages(cells).map((c) => c.discipline)).toEqual(['b', 'a']);
  });
});

describe('the insights CSV exports', () => {
  it('start with a byte order mark and a header row, quote what needs it and keep formulas from running', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });

  it.each(INSIGHT_TABLES)('export %s with the page’s words and one row per line', (table) => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const csv = insightsCsv(view(lang), table, summary, inventory);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[0]).not.toMatch(/\d/);
    }
  });

  it('carry the inventory: every offer with its facts, every organisation with its kinds and counts', () => {
    expect(insightsCsv(view('en'), 'inventory-offers', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Offer id,Title,Provider id,Provider,Municipality,Region,Disciplines,Ages,Price per pupil (EUR),Free or social tariff,Inclusion,Since',
      'o1,Jongleren,p1,,Genk,Limburg (BE),Circus,15–18,0,yes,Wheelchair accessible,2026-03-10',
    ]);
    expect(insightsCsv(view('nl'), 'inventory-organisations', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Organisatie-id,Naam,Soort,Gemeente,Regio,Aanvragen,Aanbiedingen',
      // Named first, then the unnamed by id.
      's1,Basisschool De Klimop,vrager,Genk,Limburg (BE),1,0',
      'p1,,aanbieder,Genk,Limburg (BE),0,1',
      's2,,vrager,Genk,Limburg (BE),1,0',
    ]);
  });

  it('carry the figures of the page', () => {
    const unmatched = insightsCsv(view('en'), 'unmatched', summary, inventory).slice(1).trimEnd().split('\r\n');
    expect(unmatched).toEqual([
      'Request id,Title,Municipality,Region,Pupils,Ages,Disciplines,Since,Nearest offers and why not',
      `r1,"'=HYPERLINK(""x"")",Genk,Limburg (BE),22,8–9,Circus,2026-03-10,Jongleren (o1): ages 15–18, pupils 8–9`.replace(
        'Jongleren (o1): ages 15–18, pupils 8–9',
        '"Jongleren (o1): ages 15–18, pupils 8–9"',
      ),
    ]);
    const numbers = insightsCsv(view('nl'), 'numbers', summary, inventory).slice(1).trimEnd().split('\r\n');
    expect(numbers).toEqual([
      'Cijfer,Aantal',
      'Open aanvragen,2',
      'Aanvragen met een voorstel,1',
      'Aanvragen zonder voorstel,1',
      'Actief aanbod,1',
    ]);
    const grid = insightsCsv(view('fr'), 'supply-demand', summary, inventory).slice(1).trimEnd().split('\r\n');
    expect(grid).toHaveLength(1 + 11 * 6);
    expect(grid).toContain('Cirque,6–8 ans,1,0');
    expect(insightsCsv(view('fr'), 'municipalities', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Commune,Région,Demandes,Offres,Manque',
      'Genk,Limbourg (BE),2,1,1',
    ]);
    expect(insightsCsv(view('en'), 'outcome-times', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Until,Requests,Median (seconds)',
      'First approval,1,5400',
      'First confirmation,0,',
    ]);
    expect(insightsCsv(view('en'), 'declines', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Match id,Request id,Title,Offer id,Offer,"Not interested, and why",Called off on',
      'r2::o9,r2,"Toneel, ""graag""",o9,Theater,"school: Te duur, ""echt""",2026-03-13',
    ]);
    expect(durationText(view('nl'), 5400)).toBe('1 uur 30 minuten');
    // French puts a no-break space between a number and its unit.
    expect(durationText(view('fr'), 3 * 86_400 + 7200 + 59)).toMatch(/^3\sjours 2\sheures$/);
    expect(durationText(view('en'), 40)).toBe('40 seconds');
    expect(durationText(view('en'), 0)).toBe('0 seconds');
    expect(insightsCsv(view('en'), 'never-reached-requesters', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Organisation id,Name,Municipality,Region,Ids,Titles',
      `s1,Basisschool De Klimop,Genk,Limburg (BE),r1,"'=HYPERLINK(""x"")"`,
    ]);
    expect(insightsCsv(view('nl'), 'never-reached-providers', summary, inventory).slice(1).trimEnd().split('\r\n')).toEqual([
      'Organisatie-id,Naam,Gemeente,Regio,Id’s,Titels',
      'p1,,Genk,Limburg (BE),o1,Jongleren',
    ]);
    expect(csvUrl('funnel', { region: 'Limburg (BE)', to: '2026-03-31' })).toBe(
      '/console/insights.csv?table=funnel&region=Limburg+%28BE%29&to=2026-03-31',
    );
  });
});

describe('the insights query', () => {
  it('takes a region, calendar days or instants, and names each bad field', () => {
    expect(InsightsQuerySchema.parse({ region: 'West-Vlaanderen', from: '2026-03-01', to: '2026-03-31T12:00:00+02:00' })).toEqual({
      region: 'West-Vlaanderen',
      from: '2026-03-01',
      to: '2026-03-31T12:00:00+02:00',
    });
    const bad = InsightsQuerySchema.safeParse({ region: 'Atlantis', from: '1 maart', to: '2026-02-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['from', 'region', 'to']);
    const reversed = InsightsQuerySchema.safeParse({ from: '2026-03-02', to: '2026-03-01' });
    expect(reversed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['to', 'from must not be after to']]);
    expect(InsightsQuerySchema.safeParse({ from: '2026-03-01', to: '2026-03-01' }).success).toBe(true);
    expect(InsightsQuerySchema.safeParse({ page: '2' }).success).toBe(false);
  });

  it('takes a ready-made period instead of from/to, never both', () => {
    expect(InsightsQuerySchema.parse({ period: 'school-year:2026' })).toEqual({ period: 'school-year:2026' });
    expect(InsightsQuerySchema.parse({ region: 'Limburg (BE)', period: 'month:2026-11' })).toEqual({
      region: 'Limburg (BE)',
      period: 'month:2026-11',
    });
    for (const period of ['month:2026-13', 'month:2026-1', 'school-year:26', 'year:2026', 'school-year:2026 '])
      expect(InsightsQuerySchema.safeParse({ period }).error?.issues.map((i) => i.path.join('.'))).toEqual(['period']);
    const both = InsightsQuerySchema.safeParse({ period: 'month:2026-11', from: '2026-11-01' });
    expect(both.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['period', 'period cannot be combined with from or to']]);
  });

  it("lets the console form's period win over dates left in the form, and drops empty fields", () => {
    expect(consoleInsightsQueryOf({ region: '', from: '2026-01-01', to: '', period: 'school-year:2025' })).toEqual({
      period: 'school-year:2025',
    });
    expect(consoleInsightsQueryOf({ region: 'Limburg (BE)', from: '2026-01-01', to: '', period: '' })).toEqual({
      region: 'Limburg (BE)',
      from: '2026-01-01',
    });
  });
});
