import { LANGUAGES } from '@koppel/contracts';
import { OFFER_COLUMNS, offerColumnGuide } from '../../intake/src/app/imports/offer-columns';
import { copyFor } from '../src/copy';
import { ColumnGuideSchema, columnGuideView } from '../src/provider/column-guide';
import { importMessage, readableFieldName } from '../src/provider/import-messages';
import { importContentType, importErrorRows, importViewOf, readableField } from '../src/provider/import-result';

/**
 * The provider page's offer import (issue #13) as pure helpers: the media type a file
 * is sent as, intake's answers turned into a sentence and a table of problems, field
 * paths and messages in words, and intake's column guide in the page language.
 */
const nl = copyFor('nl');
const fr = copyFor('fr');
const en = copyFor('en');

const report = (summary: { created: number; updated: number; unchanged: number; rejected: number }, errors: unknown[] = []) => ({
  mode: summary.rejected ? 'valid-rows' : 'all',
  format: 'csv',
  summary: { rows: summary.created + summary.updated + summary.unchanged + summary.rejected, ...summary },
  rows: [],
  errors,
});

describe('the media type of an import', () => {
  it('when the file is named .csv, .jsonl or .ndjson, then that decides, whatever the browser calls it', () => {
    expect(importContentType('aanbod.csv', 'application/vnd.ms-excel')).toBe('text/csv');
    expect(importContentType('Aanbod 2026.CSV')).toBe('text/csv');
    expect(importContentType('offers.jsonl', '')).toBe('application/x-ndjson');
    expect(importContentType('offers.ndjson', 'application/octet-stream')).toBe('application/x-ndjson');
  });

  it('when the name says nothing, then the type the browser gives does, and anything else is refused', () => {
    expect(importContentType('export', 'text/csv; charset=utf-8')).toBe('text/csv');
    expect(importContentType('export', 'application/x-ndjson')).toBe('application/x-ndjson');
    expect(importContentType('aanbod.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBeUndefined();
    expect(importContentType('notes.txt', 'text/plain')).toBeUndefined();
  });
});

describe('field paths in words', () => {
  it('when a path is a field of the offer form, then it reads as the form labels it', () => {
    expect(readableFieldName('audience.ageMax', 'nl')).toBe('Oudste leeftijd');
    expect(readableFieldName('groupSize.max', 'fr')).toBe('Groupe maximum');
    expect(readableFieldName('pricePerPupil', 'en')).toBe('Price per pupil (€)');
  });

  it('when a path has list indexes or names the file itself, then it says so in words', () => {
    expect(readableFieldName('availability.1.to', 'nl')).toBe('Einde van een periode (nr. 2)');
    expect(readableFieldName('availability.0.from', 'en')).toBe('Start of a period (no. 1)');
    expect(readableFieldName('(row)', 'nl')).toBe('De hele regel');
    expect(readableFieldName('(header)', 'fr')).toBe('La ligne d’en-tête');
    expect(readableFieldName('(file)', 'en')).toBe('The file');
    expect(readableFieldName('$where', 'nl')).toBe('$where');
  });

  it('when the problem is in a CSV column, then the column is named after the field', () => {
    expect(readableField({ field: 'audience.ageMax', column: 'ageMax' }, nl, 'nl')).toBe('Oudste leeftijd (kolom ageMax)');
    expect(readableField({ field: 'location.postcode', column: 'postcode' }, fr, 'fr')).toBe('Code postal (colonne postcode)');
    expect(readableField({ field: '(row)' }, en, 'en')).toBe('The whole line');
  });

  it('has words for every column of intake’s import, in every language', () => {
    for (const lang of LANGUAGES)
      for (const column of OFFER_COLUMNS)
        expect({ field: column.field, lang, readable: readableFieldName(column.field, lang) !== column.field }).toEqual({
          field: column.field,
          lang,
          readable: true,
        });
  });
});

describe('intake’s messages in the page language', () => {
  it('when intake says something koppel knows, then the provider reads it in its own language', () => {
    expect(importMessage('ageMin must not exceed ageMax', 'nl')).toEqual({
      text: 'De oudste leeftijd mag niet lager zijn dan de jongste.',
      lang: 'nl',
    });
    expect(importMessage('required', 'fr').text).toBe('Obligatoire, mais pas rempli.');
    expect(importMessage("must be a whole number, not 'tien'", 'nl').text).toBe('Moet een geheel getal zijn, niet "tien".');
    expect(importMessage("must be a number (like 4.5 or 4,5), not 'vier'", 'en').text).toBe('Must be a number (like 4.5), not "vier".');
    expect(importMessage('the same id as on line 3: each offer once per file', 'nl').text).toBe(
      'Dezelfde id als op regel 3: elk aanbod één keer per bestand.',
    );
    expect(importMessage("unknown column 'kleur' (the columns are listed at GET /offers/imports/columns)", 'fr').text).toBe(
      'Colonne inconnue « kleur ». Les colonnes sont expliquées ci-dessus.',
    );
    expect(importMessage('unknown postcode in BE: give lat and lon, or another spelling', 'en').lang).toBe('en');
  });

  it('when intake says something else, then its English message is shown as English', () => {
    expect(importMessage('has 3 fields where the header has 2', 'nl')).toEqual({ text: 'has 3 fields where the header has 2', lang: 'en' });
  });
});

describe('intake’s answer to an import', () => {
  it('when every row is imported (200), then one sentence counts them, and the offers are listed again', () => {
    const view = importViewOf(200, report({ created: 3, updated: 0, unchanged: 0, rejected: 0 }), nl, 'nl');
    expect(view).toEqual({
      failed: false,
      signedOut: false,
      imported: true,
      sentence: '3 aanbiedingen nieuw, 0 gewijzigd, 0 ongewijzigd.',
      errors: [],
    });
    expect(importViewOf(200, report({ created: 0, updated: 0, unchanged: 3, rejected: 0 }), nl, 'nl').sentence).toBe(
      '0 aanbiedingen nieuw, 0 gewijzigd, 3 ongewijzigd.',
    );
    expect(importViewOf(200, report({ created: 1, updated: 2, unchanged: 0, rejected: 0 }), fr, 'fr').sentence).toBe(
      '1 activité nouvelle, 2 modifiées, 0 inchangée.',
    );
    expect(importViewOf(200, report({ created: 1, updated: 0, unchanged: 0, rejected: 0 }), en, 'en').sentence).toBe(
      '1 offer new, 0 changed, 0 unchanged.',
    );
  });

  it('when the valid rows are imported and some are not (207), then the sentence says both and the table lists the problems', () => {
    const view = importViewOf(
      207,
      report({ created: 1, updated: 0, unchanged: 1, rejected: 1 }, [
        { line: 5, id: 'klei-2', field: 'audience.ageMax', column: 'ageMax', message: 'ageMin must not exceed ageMax' },
      ]),
      nl,
      'nl',
    );
    expect(view.failed).toBe(true);
    expect(view.imported).toBe(true);
    expect(view.sentence).toBe('1 aanbieding nieuw, 0 gewijzigd, 1 ongewijzigd; 1 regel niet geïmporteerd, zie de fouten hieronder.');
    expect(view.errors).toEqual([
      {
        line: '5',
        offer: 'klei-2',
        field: 'Oudste leeftijd (kolom ageMax)',
        problem: 'De oudste leeftijd mag niet lager zijn dan de jongste.',
        problemLang: 'nl',
      },
    ]);
  });

  it('when intake refuses the file (400), then nothing is imported and every problem is a row, in the file’s order', () => {
    const problem = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 400,
      rows: 3,
      invalidRows: 2,
      errors: [
        { line: 4, id: 'c', field: 'pricePerPupil', column: 'pricePerPupil', message: "must be a number (like 4.5 or 4,5), not 'gratis'" },
        { line: 3, id: 'b', field: 'title', column: 'title', message: 'required' },
      ],
    };
    const view = importViewOf(400, problem, nl, 'nl');
    expect(view).toMatchObject({ failed: true, imported: false, signedOut: false });
    expect(view.sentence).toBe(
      'Niets geïmporteerd: 2 van de 3 regels hebben fouten. Verbeter ze en importeer opnieuw, of kies "Importeer de geldige rijen".',
    );
    expect(view.errors.map((e) => [e.line, e.field, e.problem])).toEqual([
      ['3', 'Titel (kolom title)', 'Verplicht, maar niet ingevuld.'],
      ['4', 'Prijs per leerling (€) (kolom pricePerPupil)', 'Moet een getal zijn (zoals 4,5), niet "gratis".'],
    ]);
    expect(importViewOf(400, problem, en, 'en').sentence).toBe(
      'Nothing imported: 2 of 3 lines have errors. Correct them and import again, or choose "Import the valid rows".',
    );
  });

  it('when the file cannot be read row by row (400 without rows), then it says so, with the header’s problems', () => {
    const view = importViewOf(
      400,
      {
        status: 400,
        title: 'Validation failed',
        rows: 0,
        invalidRows: 0,
        errors: [{ line: 1, field: '(header)', column: 'kleur', message: "unknown column 'kleur' (the columns are…)" }],
      },
      nl,
      'nl',
    );
    expect(view.sentence).toBe('Niets geïmporteerd: het bestand kan niet regel per regel gelezen worden.');
    expect(view.errors).toEqual([
      {
        line: '1',
        field: 'De kopregel (kolom kleur)',
        problem: 'Onbekende kolom "kleur". De kolommen staan in de uitleg hierboven.',
        problemLang: 'nl',
      },
    ]);
  });

  it('when the file is too large, of another type, or the import was interrupted, then the sentence says what to do', () => {
    expect(importViewOf(413, { status: 413, title: 'Payload too large' }, nl, 'nl').sentence).toContain('Splits het');
    expect(importViewOf(415, { status: 415, title: 'Unsupported media type' }, fr, 'fr').sentence).toBe(
      'Choisissez un fichier CSV (.csv) ou JSON Lines (.jsonl ou .ndjson).',
    );
    const interrupted = importViewOf(409, { ...report({ created: 2, updated: 0, unchanged: 0, rejected: 0 }), status: 409 }, en, 'en');
    expect(interrupted).toMatchObject({ imported: true, failed: true });
    expect(interrupted.sentence).toContain('Import the same file again');
  });

  it('when the session is no longer valid (401), then the page asks to sign in again; other refusals are told by status', () => {
    expect(importViewOf(401, { status: 401, title: 'Unauthorized' }, nl, 'nl')).toMatchObject({ signedOut: true, imported: false });
    expect(importViewOf(403, { status: 403, title: 'Forbidden' }, nl, 'nl').sentence).toBe('Dit mag u met deze aanmelding niet doen.');
    expect(importViewOf(0, undefined, nl, 'nl').sentence).toBe('De server is niet bereikbaar. Probeer het zo opnieuw.');
    expect(importViewOf(200, { unexpected: true }, nl, 'nl').sentence).toBe('Het antwoord van de server is onverwacht.');
  });

  it('sorts the table by line and keeps messages it cannot translate in English', () => {
    const rows = importErrorRows(
      [
        { line: 7, field: '(row)', message: 'has 3 fields where the header has 2' },
        { line: 2, field: 'disciplines', column: 'disciplines', message: 'Invalid option: expected one of "music"|"dance"' },
      ],
      fr,
      'fr',
    );
    expect(rows).toEqual([
      {
        line: '2',
        field: 'Disciplines (colonne disciplines)',
        problem: 'Valeur inconnue ; les valeurs possibles figurent dans l’explication des colonnes.',
        problemLang: 'fr',
      },
      { line: '7', field: 'La ligne entière', problem: 'has 3 fields where the header has 2', problemLang: 'en' },
    ]);
  });
});

describe('the column guide', () => {
  it('reads what intake serves, in the page language', () => {
    const guide = ColumnGuideSchema.parse(JSON.parse(JSON.stringify(offerColumnGuide())));
    const view = columnGuideView(guide, nl, 'nl');
    expect(view.facts.map(([label]) => label)).toEqual(['Scheidingsteken', 'Tekenset', 'Regels', 'Meerdere waarden in één cel']);
    expect(view.facts[0][1]).toBe('komma (,) of puntkomma (;)');
    expect(view.facts[3][1]).toBe('gescheiden door |, bijvoorbeeld theatre|music');
    expect(view.rows.map((r) => r.name)).toEqual(OFFER_COLUMNS.map((c) => c.name));
    const id = view.rows.find((r) => r.name === 'id');
    expect(id).toMatchObject({ required: 'ja', example: 'rondleiding-1302' });
    expect(id?.meaning).toContain('Jullie eigen code');
    const ageMin = columnGuideView(guide, en, 'en').rows.find((r) => r.name === 'ageMin');
    expect(ageMin?.required).toBe('yes, when grades is empty');
    const format = columnGuideView(guide, fr, 'fr').rows.find((r) => r.name === 'format');
    expect(format?.meaning).toContain('Valeurs possibles : workshop, performance');
  });
});
