import type { Language } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { PORTAL_CSS } from '../src/http/views/layout';
import { type PageContext, ProviderPage } from '../src/http/views/portal-pages';

/**
 * The provider page's import and demand sections (issue #13) as the server renders them,
 * in nl, fr and en: headings, a label for every control, the template links to intake,
 * the mode choice with "all or nothing" first, the period select, and the live regions
 * the script writes into.
 */
const contextIn = (lang: Language): PageContext => ({
  intakeUrl: 'http://intake.test',
  reviewUrl: 'http://review.test',
  lang,
  path: '/aanbieder',
});
const providerPage = (lang: Language) => renderPage(ProviderPage(contextIn(lang)));
const sectionOf = (html: string, headingId: string) =>
  new RegExp(`<section aria-labelledby="${headingId}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';

describe('the provider page’s import and demand sections', () => {
  it('render in Dutch: the import form with its template links and column guide, then the demand with its period', () => {
    const html = providerPage('nl');
    const imports = sectionOf(html, 'h-offer-import');
    expect(imports).toContain('<h2 id="h-offer-import">Aanbod importeren uit een bestand</h2>');
    expect(imports).toContain(
      '<a href="http://intake.test/offers/imports/template.csv?separator=semicolon">Download het sjabloon voor Excel (CSV met puntkomma’s)</a>',
    );
    expect(imports).toContain('Excel in België en Nederland scheidt de kolommen van een CSV-bestand met een puntkomma (;)');
    expect(imports).toContain('<a href="http://intake.test/offers/imports/template.csv?separator=comma">het sjabloon met komma’s</a>');
    expect(imports).toContain('<details class="column-guide" id="import-columns"><summary>Welke kolommen? De uitleg per kolom</summary>');
    expect(imports).toContain('<label for="f-importFile">Bestand met aanbod</label>');
    expect(imports).toContain(
      '<input type="file" id="f-importFile" name="importFile" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" aria-describedby="f-importFile-hint f-importFile-error" required=""/>',
    );
    expect(imports).toContain('<legend>Wat als sommige regels fouten hebben?</legend>');
    expect(imports).toContain(
      '<input type="radio" id="f-importMode-0" name="importMode" value="all" checked=""/><label for="f-importMode-0">Alles of niets: er wordt niets geïmporteerd zolang één regel een fout heeft</label>',
    );
    expect(imports).toContain(
      '<input type="radio" id="f-importMode-1" name="importMode" value="valid-rows"/><label for="f-importMode-1">Importeer de geldige rijen, en toon de fouten van de andere</label>',
    );
    expect(imports).toContain('<button type="submit" class="primary">Importeren</button>');
    // The result: a heading focus moves to, and a polite live region.
    expect(imports).toContain('<h3 id="h-import-result" tabindex="-1" hidden="">Resultaat van de import</h3>');
    expect(imports).toContain('<p id="import-status" class="status-line" role="status" aria-live="polite"></p>');

    const demand = sectionOf(html, 'h-demand');
    expect(demand).toContain('<h2 id="h-demand">Wat scholen binnen uw bereik vragen</h2>');
    expect(demand).toContain('<label for="f-demandMonths">Periode</label>');
    expect(demand).toContain('<option value="3">De laatste 3 maanden</option>');
    expect(demand).toContain('<option value="12" selected="">De laatste 12 maanden</option>');
    expect(demand).toContain('<option value="24">De laatste 24 maanden</option>');
    expect(demand).toContain('<p id="demand-status" class="demand-total" role="status" aria-live="polite">De aanvragen worden geteld…</p>');
    expect(demand).toContain('<div id="demand" aria-busy="false"></div>');
  });

  it('keep the page’s order: the offer form, the import, the offers, the demand, the mail choice', () => {
    const html = providerPage('nl');
    const order = ['h-offer-form', 'h-offer-import', 'h-offers', 'h-demand', 'h-mail-preference'].map((id) =>
      html.indexOf(`<h2 id="${id}"`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each([
    [
      'fr',
      'Importer une offre depuis un fichier',
      'Télécharger le modèle pour Excel (CSV avec points-virgules)',
      'Tout ou rien',
      'Ce que demandent les écoles à votre portée',
      'Les 6 derniers mois',
    ],
    [
      'en',
      'Import offers from a file',
      'Download the template for Excel (CSV with semicolons)',
      'All or nothing',
      'What schools within your reach ask for',
      'The last 6 months',
    ],
  ] as const)('render in %s', (lang, importHeading, template, allOrNothing, demandHeading, sixMonths) => {
    const html = providerPage(lang);
    expect(html).toContain(`<h2 id="h-offer-import">${importHeading}</h2>`);
    expect(html).toContain(`>${template}</a>`);
    expect(html).toContain(`<label for="f-importMode-0">${allOrNothing}`);
    expect(html).toContain(`<h2 id="h-demand">${demandHeading}</h2>`);
    expect(html).toContain(`<option value="6">${sixMonths}</option>`);
  });

  it('has a rule in /portal.css for the charts and the result, and no inline style anywhere', () => {
    for (const selector of [
      'svg.chart',
      'svg.chart .bar',
      'details.chart-table',
      'ul.recent-demand',
      '.status-line.import-failed:not(:empty)',
    ])
      expect(PORTAL_CSS).toContain(`${selector} `);
    for (const lang of ['nl', 'fr', 'en'] as const) expect(providerPage(lang)).not.toMatch(/\sstyle=/);
  });
});
