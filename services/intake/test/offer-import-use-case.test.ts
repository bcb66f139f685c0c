import type { Offer, OfferInput, Organisation } from '@koppel/contracts';
import { checkOfferRows, decideRow, importOffers, type ImportMode, mayWrite, sameOffer } from '../src/app/imports/import-offers';
import { offerTemplateCsv } from '../src/app/imports/offer-columns';
import { type ImportFormat, readOfferFile } from '../src/app/imports/offer-file';
import { type ListingDeps, offerKind } from '../src/app/listings/kinds';
import type { Principal } from '../src/app/principal';
import { readOfferRow } from '../src/http/offer-imports';
import type { StoredListing } from '../src/store/models';
import { memoryStores, recordingPublication } from './fakes';

/**
 * The import use case over in-memory stores: rows checked with the API's schema (the
 * reader http/ gives it), the decisions of modes 'all' and 'valid-rows', idempotency by
 * the row's own id, and writes through the listing use cases with their events.
 */

const admin: Principal = { sub: 'admin@example.org', role: 'admin', iat: 0, exp: 9e9, jti: 'j-admin' };
const providerOf = (org: string): Principal => ({ sub: 'educatie@example.org', role: 'provider', org, iat: 0, exp: 9e9, jti: `j-${org}` });
const organisation = (id: string, email: string): Organisation =>
  ({ id, type: 'theatre', role: 'provider', name: `Theater ${id}`, contacts: [{ name: 'Ed', email, language: 'nl' }] }) as Organisation;

const HEADER =
  'id,title,description,language,disciplines,format,grades,postcode,country,reachMode,maxTravelKm,groupMin,groupMax,pricePerPupil';
const row = (id: string, extra: Partial<Record<'title' | 'grades' | 'postcode' | 'price', string>> = {}) =>
  [
    id,
    extra.title ?? `Workshop ${id}`,
    'Beeldhouwen met klei',
    'nl',
    'visual_arts',
    'workshop',
    extra.grades ?? '3de leerjaar',
    extra.postcode ?? '8500',
    'BE',
    'on_site',
    '0',
    '5',
    '25',
    extra.price ?? '0',
  ].join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

function world() {
  const stores = memoryStores();
  stores.organisations.add(organisation('org-prov', 'educatie@example.org'));
  stores.organisations.add(organisation('org-other', 'info@other.example.org'));
  const publication = recordingPublication();
  const deps: ListingDeps<Offer, OfferInput> = { kind: offerKind, store: stores.offers.store, organisations: stores.active, publication };
  const run = (text: string, mode: ImportMode = 'all', principal: Principal = providerOf('org-prov'), format: ImportFormat = 'csv') => {
    const file = readOfferFile(text, format);
    if (file.kind !== 'rows') throw new Error(`unreadable: ${JSON.stringify(file)}`);
    return importOffers(deps, principal, checkOfferRows(file.rows, format, readOfferRow), format, mode);
  };
  return { ...stores, publication, deps, run };
}

/** The rows of a file checked with the schema. */
function checked(text: string, format: ImportFormat = 'csv') {
  const file = readOfferFile(text, format);
  if (file.kind !== 'rows') throw new Error(file.kind);
  return checkOfferRows(file.rows, format, readOfferRow);
}

describe('checking the rows of a file with the offer schema', () => {
  it('accepts the template as it is', () => {
    const [only] = checked(offerTemplateCsv());
    expect(only).toMatchObject({ line: 2, id: 'rondleiding-1302', errors: [] });
    expect(only.input).toMatchObject({ audience: { ageMin: 10, ageMax: 12 }, location: { postcode: '8500', country: 'BE' } });
  });

  it('names line, field path and column of every problem, lines right after a multi-line quoted cell', () => {
    const rows = checked(
      [
        HEADER,
        row('a'),
        `b,Titel,"Regel een\nRegel twee\nRegel drie",nl,visual_arts,workshop,,8500,BE,on_site,0,5,25,0`,
        row('c', { title: '', price: '-3' }),
      ].join('\n'),
    );
    expect(rows.map((r) => [r.line, r.errors.length])).toEqual([
      [2, 0],
      [3, 1],
      [6, 2],
    ]);
    expect(rows[1].errors).toEqual([{ line: 3, id: 'b', field: 'audience', column: 'ageMin', message: 'give audience ages or grades' }]);
    expect(rows[2].errors).toEqual([
      { line: 6, id: 'c', field: 'title', column: 'title', message: 'required' },
      { line: 6, id: 'c', field: 'pricePerPupil', column: 'pricePerPupil', message: expect.stringMatching(/>=0|too small/i) },
    ]);
  });

  it('gives nested field paths, once per cell: an unreadable cell is not also "required"', () => {
    const [bad] = checked(`id,ageMin,ageMax,title\nx,tien,8,T`);
    const fields = bad.errors.map((e) => e.field);
    expect(fields).toContain('audience.ageMin');
    expect(fields.filter((f) => f === 'audience.ageMin')).toHaveLength(1);
    expect(bad.errors.find((e) => e.field === 'audience.ageMin')?.message).toContain('whole number');
    const [order] = checked(`id,ageMin,ageMax\nx,12,8`);
    expect(order.errors).toContainEqual({
      line: 2,
      id: 'x',
      field: 'audience.ageMax',
      column: 'ageMax',
      message: 'ageMin must not exceed ageMax',
    });
  });

  it('requires an id on every row, once per file', () => {
    const rows = checked(csv(row(''), row('same'), row('same')));
    expect(rows[0].errors).toContainEqual(expect.objectContaining({ line: 2, field: 'id', message: expect.stringContaining('required') }));
    expect(rows[1].errors).toEqual([]);
    expect(rows[2].errors).toEqual([
      { line: 4, id: 'same', field: 'id', column: 'id', message: 'the same id as on line 3: each offer once per file' },
    ]);
  });

  it('checks JSON Lines with the API body rules: unknown fields at any depth, operator keys, the batch format as it is', () => {
    const batch = {
      id: 'off-0001',
      provider: { id: 'prov-001', name: 'Stadsmuseum Kortrijk', email: 'educatie@example.org' },
      title: 'Gidsbeurt',
      description: 'Tekst',
      language: 'nl',
      disciplines: ['heritage'],
      format: 'visit',
      audience: { ageMin: 9, ageMax: 12 },
      location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.8279, lon: 3.2649 },
      reach: { mode: 'on_site', maxTravelKm: 0 },
      groupSize: { min: 10, max: 28 },
      pricePerPupil: 4.0,
    };
    const rows = checked(
      [
        JSON.stringify(batch),
        JSON.stringify({ ...batch, id: 'b', colour: 'red' }),
        JSON.stringify({ ...batch, id: 'c', reach: { mode: 'on_site', maxTravelKm: 0, far: true } }),
        JSON.stringify({ ...batch, id: 'd', $where: '1' }),
      ].join('\n'),
      'jsonl',
    );
    expect(rows[0]).toMatchObject({ line: 1, id: 'off-0001', errors: [] });
    expect(rows[1].errors).toEqual([{ line: 2, id: 'b', field: '(row)', message: 'unknown field(s): colour' }]);
    expect(rows[2].errors).toEqual([{ line: 3, id: 'c', field: 'reach', message: 'unknown field(s): far' }]);
    expect(rows[3].errors).toEqual([{ line: 4, id: 'd', field: '$where', message: expect.stringContaining('must not start with $') }]);
  });
});

describe('deciding what a row does', () => {
  const offer = (extra: Partial<Offer> = {}) =>
    ({
      id: 'x',
      provider: { id: 'org-prov', name: 'P', email: 'e@example.org', registered: true },
      title: 'T',
      description: '',
      language: 'nl',
      disciplines: ['music'],
      format: 'workshop',
      audience: { ageMin: 8, ageMax: 9 },
      location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.8, lon: 3.2 },
      reach: { mode: 'on_site', maxTravelKm: 0 },
      groupSize: { min: 1, max: 20 },
      pricePerPupil: 0,
      ...extra,
    }) as Offer;
  const stored = (data: Offer, status: 'active' | 'withdrawn' = 'active') =>
    ({ data, status, ownerId: data.provider.id }) as Pick<StoredListing<Offer>, 'data' | 'status' | 'ownerId'>;

  it('creates a new id, leaves an equal offer alone, replaces a changed one', () => {
    expect(decideRow(offer(), null)).toEqual({ action: 'create' });
    // Key order and absent (null or undefined) fields do not make a difference: the database may give either.
    const reordered = JSON.parse(JSON.stringify({ ...Object.fromEntries(Object.entries(offer()).reverse()), grades: null })) as Offer;
    expect(sameOffer(reordered, offer({ grades: undefined }))).toBe(true);
    expect(decideRow(offer(), stored(reordered))).toEqual({ action: 'unchanged' });
    expect(decideRow(offer({ title: 'Anders' }), stored(offer()))).toEqual({ action: 'replace' });
  });

  it("refuses another organisation's offer and a withdrawn one", () => {
    const theirs = offer({ provider: { id: 'org-other', name: 'O', email: 'o@example.org' } });
    expect(decideRow(offer(), stored(theirs))).toEqual({
      action: 'reject',
      message: expect.stringContaining("another organisation's offer"),
    });
    expect(decideRow(offer(), stored(offer(), 'withdrawn'))).toEqual({ action: 'reject', message: expect.stringContaining('withdrawn') });
  });

  it("writes in mode 'all' only when no row is rejected; in 'valid-rows' always", () => {
    const good = { action: 'create' as const };
    const bad = { action: 'reject' as const };
    expect(mayWrite('all', [good, { action: 'unchanged' }])).toBe(true);
    expect(mayWrite('all', [good, bad])).toBe(false);
    expect(mayWrite('valid-rows', [good, bad])).toBe(true);
    expect(mayWrite('valid-rows', [bad])).toBe(true);
  });
});

describe('importing offers', () => {
  it("mode 'all' with one bad row writes nothing and names every error", async () => {
    const { run, offers, publication } = world();
    const outcome = await run(csv(row('a'), row('b'), row('c', { postcode: '0000' })));
    expect(outcome).toMatchObject({ kind: 'refused', rows: 3 });
    if (outcome.kind !== 'refused') throw new Error(outcome.kind);
    expect(outcome.errors).toContainEqual({
      line: 4,
      id: 'c',
      field: 'location.postcode',
      column: 'postcode',
      message: expect.stringContaining('unknown postcode'),
    });
    expect(outcome.errors.every((e) => e.line === 4)).toBe(true);
    expect(offers.docs.size).toBe(0);
    expect(publication.calls).toEqual([]);
  });

  it('creates every row once with its event; the same file again changes nothing and publishes nothing', async () => {
    const { run, offers, publication } = world();
    const file = csv(row('a'), row('b'), row('c'));
    const first = await run(file);
    expect(first).toMatchObject({
      kind: 'imported',
      interrupted: false,
      errors: [],
      rows: [
        { line: 2, id: 'a', result: 'created' },
        { line: 3, id: 'b', result: 'created' },
        { line: 4, id: 'c', result: 'created' },
      ],
    });
    expect(offers.docs.get('a')).toMatchObject({
      ownerId: 'org-prov',
      revision: 1,
      data: { provider: { id: 'org-prov', registered: true } },
    });
    expect(['a', 'b', 'c'].map((id) => offers.eventsOf(id).map((e) => e.type))).toEqual([
      ['offer.created'],
      ['offer.created'],
      ['offer.created'],
    ]);
    expect(publication.calls.filter((c) => c.startsWith('publishSoon'))).toHaveLength(3);

    const again = await run(file);
    expect(again).toMatchObject({ kind: 'imported', rows: [{ result: 'unchanged' }, { result: 'unchanged' }, { result: 'unchanged' }] });
    expect(publication.calls).toHaveLength(6);
    expect(offers.docs.get('a')?.revision).toBe(1);
  });

  it('replaces a changed row (offer.updated) and leaves the others alone', async () => {
    const { run, offers } = world();
    await run(csv(row('a'), row('b')));
    const outcome = await run(csv(row('a'), row('b', { title: 'Nieuwe titel', price: '2.50' })));
    expect(outcome).toMatchObject({
      kind: 'imported',
      rows: [
        { id: 'a', result: 'unchanged' },
        { id: 'b', result: 'updated' },
      ],
    });
    expect(offers.docs.get('b')).toMatchObject({ revision: 2, data: { title: 'Nieuwe titel', pricePerPupil: 2.5 } });
    expect(offers.eventsOf('b').map((e) => e.type)).toEqual(['offer.created', 'offer.updated']);
    expect(offers.eventsOf('a').map((e) => e.type)).toEqual(['offer.created']);
  });

  it("mode 'valid-rows' imports the valid rows and reports the others", async () => {
    const { run, offers } = world();
    const outcome = await run(csv(row('a'), row('b', { grades: 'geen idee' }), row('c')), 'valid-rows');
    expect(outcome).toMatchObject({
      kind: 'imported',
      mode: 'valid-rows',
      rows: [
        { id: 'a', result: 'created' },
        { id: 'b', result: 'rejected' },
        { id: 'c', result: 'created' },
      ],
      errors: [{ line: 3, id: 'b', field: 'grades', column: 'grades' }],
    });
    expect([...offers.docs.keys()].sort()).toEqual(['a', 'c']);
  });

  it("refuses rows that name another provider, another organisation's id or a withdrawn offer", async () => {
    const { run, offers } = world();
    await run(csv(row('theirs')), 'all', providerOf('org-other'));
    await run(csv(row('gone')));
    offers.docs.get('gone')!.status = 'withdrawn';
    const outcome = await run(
      `${HEADER},providerId,providerName,providerEmail\n${row('mine')},org-other,Other,info@other.example.org\n${row('theirs')},,,\n${row('gone')},,,`,
      'valid-rows',
    );
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    expect(outcome.rows.map((r) => r.result)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(outcome.errors).toEqual([
      {
        line: 2,
        id: 'mine',
        field: 'provider.id',
        column: 'providerId',
        message: 'A provider publishes offers for its own organisation only.',
      },
      { line: 3, id: 'theirs', field: 'id', column: 'id', message: expect.stringContaining("another organisation's offer") },
      { line: 4, id: 'gone', field: 'id', column: 'id', message: expect.stringContaining('withdrawn') },
    ]);
    expect(offers.docs.get('theirs')?.ownerId).toBe('org-other');
  });

  it('lets an admin import for the provider each row names, and asks for one when a row names none', async () => {
    const { run, offers } = world();
    const header = `${HEADER},providerId,providerName,providerEmail`;
    const outcome = await run(`${header}\n${row('a')},org-prov,Theater Antigone,educatie@example.org\n${row('b')},,,`, 'valid-rows', admin);
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    expect(outcome.rows.map((r) => r.result)).toEqual(['created', 'rejected']);
    expect(outcome.errors).toEqual([
      { line: 3, id: 'b', field: 'provider', column: 'providerId', message: 'required when the token is not a provider organisation' },
    ]);
    expect(offers.docs.get('a')).toMatchObject({ ownerId: 'org-prov', data: { provider: { name: 'Theater Antigone', registered: true } } });
  });

  it('imports JSON Lines in the batch format for an admin', async () => {
    const { run, offers } = world();
    const line = {
      id: 'off-0001',
      provider: { id: 'prov-001', name: 'Stadsmuseum Kortrijk', email: 'educatie@example.org' },
      title: 'Gidsbeurt',
      description: 'Tekst',
      language: 'nl',
      disciplines: ['heritage'],
      format: 'visit',
      audience: { ageMin: 9, ageMax: 12 },
      location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.8279, lon: 3.2649 },
      reach: { mode: 'on_site', maxTravelKm: 0 },
      groupSize: { min: 10, max: 28 },
      pricePerPupil: 4.0,
    };
    expect(await run(`${JSON.stringify(line)}\n`, 'all', admin, 'jsonl')).toMatchObject({
      kind: 'imported',
      rows: [{ line: 1, result: 'created' }],
    });
    expect(offers.docs.get('off-0001')?.data).toEqual(line);
    expect(await run(JSON.stringify(line), 'all', admin, 'jsonl')).toMatchObject({ rows: [{ result: 'unchanged' }] });
  });

  it('refuses roles that may not create offers, and a provider whose organisation is gone', async () => {
    const { deps } = world();
    const rows = checked(csv(row('a')));
    const broker: Principal = { sub: 'b@example.org', role: 'broker', org: 'org-b', regions: [], iat: 0, exp: 9e9, jti: 'j-b' };
    const requester: Principal = { sub: 's@example.org', role: 'requester', org: 'org-s', iat: 0, exp: 9e9, jti: 'j-s' };
    for (const principal of [broker, requester, providerOf('org-gone')])
      expect(await importOffers(deps, principal, rows, 'csv', 'all')).toMatchObject({ kind: 'forbidden' });
  });

  it('rejects a row that lost a race between the check and its write (interrupted)', async () => {
    const { deps, offers } = world();
    const rows = checked(csv(row('a'), row('b')));
    // Another request creates 'b' after the check read it as absent.
    const findById = offers.store.findById.bind(offers.store);
    let raced = false;
    deps.store.findById = async (id) => {
      const found = await findById(id);
      if (id === 'b' && !found && !raced) {
        raced = true;
        const other = await importOffers(
          { ...deps, store: offers.store },
          providerOf('org-prov'),
          checked(csv(row('b', { title: 'Eerder' }))),
          'csv',
          'all',
        );
        expect(other).toMatchObject({ kind: 'imported' });
      }
      return found;
    };
    const outcome = await importOffers(deps, providerOf('org-prov'), rows, 'csv', 'all');
    expect(outcome).toMatchObject({
      kind: 'imported',
      interrupted: true,
      rows: [
        { id: 'a', result: 'created' },
        { id: 'b', result: 'rejected' },
      ],
      errors: [{ line: 3, field: 'id', message: expect.stringContaining('send the file again') }],
    });
  });
});
