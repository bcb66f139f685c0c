import { csvField, detectSeparator, parseCsv } from '../src/app/imports/csv';
import { columnNamed, columnOfField, OFFER_COLUMNS, offerColumnGuide, offerTemplateCsv } from '../src/app/imports/offer-columns';
import { readOfferFile } from '../src/app/imports/offer-file';

/** The RFC 4180 reader and the reading of an uploaded offer file into rows (pure). */

describe('the CSV reader', () => {
  it('reads fields and records, with the line each record starts on', () => {
    const parsed = parseCsv('a,b,c\r\n1,2,3\r\n4,5,6');
    expect(parsed.separator).toBe(',');
    expect(parsed.records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
      { line: 3, cells: ['4', '5', '6'] },
    ]);
  });

  it('counts the lines of quoted fields spanning lines, so that later records keep their true line', () => {
    const text = 'id,description\n1,"first line\nsecond line\r\nthird"\n2,plain\n3,"x"';
    const { records } = parseCsv(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(records[1].cells[1]).toBe('first line\nsecond line\nthird');
  });

  it('reads quoted separators, doubled quotes and empty quoted fields (RFC 4180)', () => {
    const { records } = parseCsv('"a,b","say ""hi""","",x\n');
    expect(records).toEqual([{ line: 1, cells: ['a,b', 'say "hi"', '', 'x'] }]);
  });

  it('keeps empty fields, also a trailing one, and leaves blank lines out', () => {
    const { records } = parseCsv('a;b;\n\n\r\n;;\n1;;3');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', ''] },
      { line: 4, cells: ['', '', ''] },
      { line: 5, cells: ['1', '', '3'] },
    ]);
  });

  it('accepts LF, CRLF and CR line ends', () => {
    expect(parseCsv('a\rb\r\nc\nd').records.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('drops a byte order mark', () => {
    expect(parseCsv('\uFEFFid;title\n1;x').records[0].cells).toEqual(['id', 'title']);
  });

  it('detects ; or , from the header line, outside quotes', () => {
    expect(detectSeparator('id;title;description\n1,5;a,b;c')).toBe(';');
    expect(detectSeparator('id,title,description\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('"a;b;c",d\n')).toBe(',');
    expect(detectSeparator('\uFEFFid;title')).toBe(';');
    expect(detectSeparator('id')).toBe(',');
  });

  it('reports a quoted field that is never closed, at the line it opened, and stops there', () => {
    const { records } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ line: 2, problem: expect.stringContaining('opened on line 2 is never closed') });
  });

  it('reports text after a closing quote but allows spaces there', () => {
    expect(parseCsv('"ab"cd,e').records[0]).toMatchObject({
      cells: ['abcd', 'e'],
      problem: expect.stringContaining('after the closing quote'),
    });
    expect(parseCsv('"ab"  ,e').records[0]).toEqual({ line: 1, cells: ['ab', 'e'] });
  });

  it('keeps a quote inside an unquoted field as it is (what spreadsheets write)', () => {
    expect(parseCsv('5" screen,x').records[0].cells).toEqual(['5" screen', 'x']);
  });

  it('stops after one record more than asked for', () => {
    const parsed = parseCsv('h\n1\n2\n3\n4', { maxRecords: 3 });
    expect(parsed.tooMany).toBe(true);
    expect(parseCsv('h\n1\n2', { maxRecords: 3 }).tooMany).toBe(false);
  });

  it('writes fields that read back the same', () => {
    const values = ['plain', 'a,b', 'a;b', 'say "hi"', 'two\nlines', ''];
    for (const separator of [',', ';'] as const) {
      const line = values.map((v) => csvField(v, separator)).join(separator);
      expect(parseCsv(line, { separator }).records[0].cells).toEqual(values);
    }
  });
});

describe('the columns of an offer import', () => {
  it('maps headers by name or field path, in any case, and errors back to columns', () => {
    expect(columnNamed('AgeMin')?.field).toBe('audience.ageMin');
    expect(columnNamed(' audience.ageMax ')?.name).toBe('ageMax');
    expect(columnNamed('colour')).toBeUndefined();
    expect(columnOfField('location.postcode')).toBe('postcode');
    expect(columnOfField('audience')).toBe('ageMin');
    expect(columnOfField('availability.1.to')).toBe('availability');
    expect(columnOfField('(row)')).toBeUndefined();
  });

  it('explains every column in nl, fr and en, with the allowed codes', () => {
    const guide = offerColumnGuide();
    expect(guide.columns.map((c) => c.name)).toEqual(OFFER_COLUMNS.map((c) => c.name));
    for (const column of guide.columns) {
      for (const language of ['nl', 'fr', 'en'] as const) expect(column.meaning[language].length).toBeGreaterThan(5);
      if (column.required === 'conditional') expect(column.requiredWhen).toBeDefined();
    }
    expect(guide.columns.find((c) => c.name === 'format')?.values).toContain('teacher_training');
  });

  it('has a template with a BOM, the header and one example row, in either separator', () => {
    const template = offerTemplateCsv();
    expect(template.startsWith('\uFEFFid,title,description,language,')).toBe(true);
    expect(template.trim().split('\r\n')).toHaveLength(2);
    const semicolon = parseCsv(offerTemplateCsv(';'));
    expect(semicolon.separator).toBe(';');
    expect(semicolon.records[1].cells).toHaveLength(OFFER_COLUMNS.length);
  });
});

describe('reading an offer file', () => {
  const header =
    'id;title;description;language;disciplines;format;ageMin;ageMax;postcode;country;reachMode;maxTravelKm;groupMin;groupMax;pricePerPupil;wheelchairAccess;availability';

  it('turns a CSV row into the offer body it spells: nested fields, lists, numbers with a decimal comma, yes/no, periods', () => {
    const file = readOfferFile(
      `${header}\r\nA-1;Titel;"Tekst; met ""quotes""";NL;Heritage | theatre;visit;10;12;8500;be;on_site;0;10;28;4,50;ja;2027-01-10/2027-03-31|2027-05-02`,
      'csv',
    );
    if (file.kind !== 'rows') throw new Error(file.kind);
    expect(file.separator).toBe(';');
    expect(file.rows).toEqual([
      {
        line: 2,
        errors: [],
        value: {
          id: 'A-1',
          title: 'Titel',
          description: 'Tekst; met "quotes"',
          language: 'nl',
          disciplines: ['heritage', 'theatre'],
          format: 'visit',
          audience: { ageMin: 10, ageMax: 12 },
          location: { postcode: '8500', country: 'BE' },
          reach: { mode: 'on_site', maxTravelKm: 0 },
          groupSize: { min: 10, max: 28 },
          pricePerPupil: 4.5,
          inclusion: { wheelchairAccess: true },
          availability: [
            { from: '2027-01-10', to: '2027-03-31' },
            { from: '2027-05-02', to: '2027-05-02' },
          ],
        },
      },
    ]);
  });

  it('leaves empty cells out, and makes an absent description an empty one', () => {
    const file = readOfferFile('id,title,ageMin,grades\n1,T,,groep 5', 'csv');
    if (file.kind !== 'rows') throw new Error(file.kind);
    expect(file.rows[0].value).toEqual({ id: '1', title: 'T', description: '', grades: ['groep 5'] });
  });

  it('names the line, field and column of a cell it cannot read', () => {
    const file = readOfferFile('id,title,description\n1,"two\nlines",x\n2,T,y\n', 'csv');
    if (file.kind !== 'rows') throw new Error(file.kind);
    expect(file.rows.map((r) => r.line)).toEqual([2, 4]);
    const bad = readOfferFile('id,ageMin,pricePerPupil,wheelchairAccess,availability\n1,ten,vier,misschien,a/b/c', 'csv');
    if (bad.kind !== 'rows') throw new Error(bad.kind);
    expect(bad.rows[0].errors).toEqual([
      { line: 2, field: 'audience.ageMin', column: 'ageMin', message: "must be a whole number, not 'ten'" },
      { line: 2, field: 'pricePerPupil', column: 'pricePerPupil', message: "must be a number (like 4.5 or 4,5), not 'vier'" },
      { line: 2, field: 'inclusion.wheelchairAccess', column: 'wheelchairAccess', message: expect.stringContaining('yes or no') },
      { line: 2, field: 'availability', column: 'availability', message: expect.stringContaining('is not a period') },
    ]);
  });

  it('refuses a header with unknown, repeated or missing columns as a whole, on line 1', () => {
    const file = readOfferFile('title,colour,Title\nx,y,z', 'csv');
    expect(file).toEqual({
      kind: 'unreadable',
      errors: [
        { line: 1, field: '(header)', column: 'colour', message: expect.stringContaining("unknown column 'colour'") },
        { line: 1, field: '(header)', column: 'title', message: "the column 'title' appears twice" },
        { line: 1, field: '(header)', column: 'id', message: expect.stringContaining("the column 'id' is missing") },
      ],
    });
  });

  it('refuses an empty file and a file with a header only', () => {
    expect(readOfferFile('', 'csv')).toMatchObject({ kind: 'unreadable', errors: [{ line: 1, field: '(file)' }] });
    expect(readOfferFile('\uFEFF\r\n', 'csv')).toMatchObject({ kind: 'unreadable' });
    expect(readOfferFile('id,title\r\n,\r\n', 'csv')).toMatchObject({ kind: 'unreadable', errors: [{ line: 1, field: '(file)' }] });
    expect(readOfferFile('\n\n', 'jsonl')).toMatchObject({ kind: 'unreadable' });
  });

  it('says so when a row has more fields than the header (an unquoted separator)', () => {
    const file = readOfferFile('id,title\n1,Hello, world\n', 'csv');
    if (file.kind !== 'rows') throw new Error(file.kind);
    expect(file.rows[0].errors).toEqual([
      { line: 2, field: '(row)', message: expect.stringContaining('has 3 fields where the header has 2') },
    ]);
  });

  it('says so when the file is not UTF-8', () => {
    const file = readOfferFile('id,title\n1,Caf\uFFFD\n', 'csv');
    if (file.kind !== 'rows') throw new Error(file.kind);
    expect(file.rows[0].errors).toEqual([{ line: 2, field: 'title', column: 'title', message: expect.stringContaining('not UTF-8') }]);
  });

  it('refuses more rows than allowed', () => {
    expect(readOfferFile('id\n1\n2\n3\n', 'csv', 2)).toEqual({ kind: 'too-many-rows', limit: 2 });
    expect(readOfferFile('id\n1\n2\n', 'csv', 2).kind).toBe('rows');
    expect(readOfferFile('{}\n{}\n{}', 'jsonl', 2)).toEqual({ kind: 'too-many-rows', limit: 2 });
  });

  it('reads JSON Lines one object per line, blank lines counted but skipped, with a BOM', () => {
    const file = readOfferFile('\uFEFF{"id":"a"}\r\n\r\n[1]\nnot json\n{"id":"b"}\n', 'jsonl');
    if (file.kind !== 'rows') throw new Error(file.kind);
    expect(file.rows).toEqual([
      { line: 1, value: { id: 'a' }, errors: [] },
      { line: 3, errors: [{ line: 3, field: '(row)', message: 'must be a JSON object: one offer per line' }] },
      { line: 4, errors: [{ line: 4, field: '(row)', message: expect.stringContaining('not valid JSON') }] },
      { line: 5, value: { id: 'b' }, errors: [] },
    ]);
  });
});
