/**
 * Speed and memory benchmark of the public catalogue on a synthetic catalogue:
 *   npm run --silent bench:catalogue -- --offers 100000 [--queries 1000] [--plan selective|scan] [--seed 20240601]
 * Offers come from the matching bench's generator (nl/fr/en texts, places in BE/NL),
 * with seeded inclusion flags added (the generator has none). Each of the varied
 * searches is timed as the HTTP handler will run it: parse the query string (zod),
 * search, JSON.stringify the page. One core, one search at a time, after a warm-up
 * of 200 other searches (JIT). Progress on stderr; the last two stdout lines are
 *   goal p99<=20ms: met|missed (...)
 *   offers=<n> p50_ms=<x> p99_ms=<x> bytes_per_offer=<n>
 * bytes_per_offer: V8 heap plus array buffers after a forced GC, before generating
 * the offers and after building the catalogue, divided by n (see src/memory.ts).
 */
import type { Offer } from '@koppel/contracts';
import { DISCIPLINES, FORMATS, LANGUAGES } from '@koppel/contracts';
import { isStopword, normalisedTokens, seededRandom, syntheticOffer } from '@koppel/matching';
import { performance } from 'node:perf_hooks';
import { type Catalogue, createCatalogue } from '../catalogue';
import { measureHeap } from '../memory';
import { CatalogueQuerySchema, INCLUSION_FLAGS } from '../query';

const GOAL_P99_MS = 20;
const log = (line: string): boolean => process.stderr.write(`${line}\n`);

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** The generator's offer with inclusion attributes a real catalogue has (seeded, independent of the generator's stream). */
function withInclusion(offer: Offer, rnd: () => number): Offer {
  const inclusion = {
    ...(rnd() < 0.12 ? { freeOrSocialTariff: true } : {}),
    ...(rnd() < 0.1 ? { newcomerClasses: true } : {}),
    ...(rnd() < 0.12 ? { specialNeeds: true } : {}),
    ...(rnd() < 0.3 ? { wheelchairAccess: true } : {}),
    ...(rnd() < 0.1 ? { languageSupport: true } : {}),
  };
  return Object.keys(inclusion).length > 0 ? { ...offer, inclusion } : offer;
}

const GRADES = [
  '3de leerjaar',
  'groep 5',
  '2de kleuterklas',
  '1ste graad secundair',
  'CE2',
  '5e primaire',
  'Grade 6',
  'brugklas',
  'Year 9',
];

type QueryString = Record<string, string>;

/**
 * One search as a browser would send it: words drawn from a generated offer's text in
 * nl/fr/en (or none), and a random mix of filters, sorts and pages.
 */
function randomQuery(rnd: () => number, offers: Offer[], byLanguage: Record<string, number[]>): { query: QueryString; kind: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const query: QueryString = {};
  const language = pick(LANGUAGES);
  const source = offers[pick(byLanguage[language])];
  if (rnd() < 0.75) {
    const words = normalisedTokens(`${source.title} ${source.description}`).filter((w) => w.length >= 3 && !isStopword(w));
    const count = 1 + Math.floor(rnd() * (rnd() < 0.7 ? 1 : 3));
    query.q = Array.from({ length: count }, () => pick(words)).join(' ');
  }
  if (rnd() < 0.3) query.age = String(4 + Math.floor(rnd() * 14));
  else if (rnd() < 0.1) query.grade = pick(GRADES);
  if (rnd() < 0.3) query.discipline = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(DISCIPLINES)).join(',');
  if (rnd() < 0.3) query.format = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(FORMATS)).join(',');
  if (rnd() < 0.2) query.language = rnd() < 0.7 ? language : `${language},${pick(LANGUAGES)}`;
  const near = rnd() < 0.4;
  if (near) {
    const place = offers[Math.floor(rnd() * offers.length)].location;
    query.lat = (place.lat + (rnd() - 0.5) * 0.2).toFixed(4);
    query.lon = (place.lon + (rnd() - 0.5) * 0.3).toFixed(4);
    if (rnd() < 0.75) query.km = String(10 + Math.floor(rnd() * 41));
  }
  const price = rnd();
  if (price < 0.1) query.price = 'free';
  else if (price < 0.2) query.price = 'social';
  else if (price < 0.35) query.maxPrice = String(2 + Math.floor(rnd() * 9));
  if (rnd() < 0.2) query[pick(INCLUSION_FLAGS)] = 'true';
  const sorts = ['title', 'price', ...(query.q ? ['relevance'] : []), ...(near ? ['distance'] : [])];
  if (rnd() < 0.7) query.sort = pick(sorts);
  query.page = String(1 + Math.floor(rnd() * 3));
  if (rnd() < 0.3) query.pageSize = String(pick([10, 50, 100]));
  const sort = query.sort ?? (query.q ? 'relevance' : 'title');
  const filters = ['age', 'grade', 'discipline', 'format', 'language', 'km', 'price', 'maxPrice', ...INCLUSION_FLAGS].filter(
    (k) => k in query,
  );
  return { query, kind: `${query.q ? 'words' : 'no words'}, ${filters.length ? 'filtered' : 'unfiltered'}, sort ${sort}` };
}

function timeSearch(catalogue: Catalogue, query: QueryString): { ms: number; total: number; bytes: number } {
  const start = performance.now();
  const parsed = CatalogueQuerySchema.parse(query);
  const result = catalogue.search(parsed);
  const body = JSON.stringify(result);
  return { ms: performance.now() - start, total: result.total, bytes: body.length };
}

function main(): void {
  const n = Number(argValue('offers') ?? 100_000);
  const queryCount = Number(argValue('queries') ?? 1000);
  const plan = argValue('plan') === 'scan' ? 'scan' : 'selective';
  const seed = Number(argValue('seed') ?? 20240601);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(queryCount) || queryCount < 1)
    throw new Error('--offers and --queries take positive whole numbers');

  const rnd = seededRandom(seed);
  const inclusionRnd = seededRandom(seed + 1);
  log(`generating ${n} offers ...`);
  const generated = measureHeap(() => Array.from({ length: n }, (_, i) => withInclusion(syntheticOffer(i, rnd), inclusionRnd)));
  const offers = generated.value;
  log(`building the catalogue (plan ${plan}) ...`);
  let buildMs = 0;
  const built = measureHeap(() => {
    const start = performance.now();
    const catalogue = createCatalogue({ plan });
    for (let i = 0; i < offers.length; i++) {
      catalogue.put(offers[i]);
      if ((i + 1) % 25_000 === 0) log(`  ${i + 1} offers`);
    }
    catalogue.search(CatalogueQuerySchema.parse({})); // the first search merges the title order
    buildMs = performance.now() - start;
    return catalogue;
  });
  const catalogue = built.value;
  const bytesPerOffer = Math.round((generated.bytes + built.bytes) / n);
  log(
    `build: ${(buildMs / 1000).toFixed(2)} s (${((buildMs * 1000) / n).toFixed(1)} µs/offer); memory per offer: ${Math.round(generated.bytes / n)} B offer objects + ${Math.round(built.bytes / n)} B catalogue = ${bytesPerOffer} B${generated.gc && built.gc ? '' : ' (no forced GC: an overestimate)'}`,
  );

  const byLanguage: Record<string, number[]> = { nl: [], fr: [], en: [] };
  offers.forEach((offer, i) => {
    byLanguage[offer.language].push(i);
  });
  const queryRnd = seededRandom(seed + 2);
  const warmUp = Array.from({ length: 200 }, () => randomQuery(queryRnd, offers, byLanguage));
  const searches = Array.from({ length: queryCount }, () => randomQuery(queryRnd, offers, byLanguage));
  for (const { query } of warmUp) timeSearch(catalogue, query);
  log(`warm-up: ${warmUp.length} searches`);

  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let totals = 0;
  let bodyBytes = 0;
  let slowest = { ms: 0, query: {} as QueryString };
  searches.forEach(({ query, kind }, i) => {
    const { ms, total, bytes } = timeSearch(catalogue, query);
    latencies.push(ms);
    totals += total;
    bodyBytes += bytes;
    if (ms > slowest.ms) slowest = { ms, query };
    const group = byKind.get(kind) ?? [];
    group.push(ms);
    byKind.set(kind, group);
    if ((i + 1) % 250 === 0) log(`  ${i + 1}/${queryCount} searches`);
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p99 = percentile(sorted, 0.99);
  const mean = latencies.reduce((s, x) => s + x, 0) / latencies.length;
  for (const [kind, times] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    times.sort((a, b) => a - b);
    log(`  ${kind}: ${times.length} searches, p50 ${percentile(times, 0.5).toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms`);
  }
  log(`slowest: ${slowest.ms.toFixed(2)} ms for ${new URLSearchParams(slowest.query).toString()}`);
  log(
    `${queryCount} searches: mean ${mean.toFixed(3)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms, ${(totals / queryCount).toFixed(0)} matches and ${(bodyBytes / queryCount / 1024).toFixed(1)} KiB JSON per search`,
  );

  // Live updates: a put (an offer.updated event) followed by a search pays the put and the title-order merge.
  const churn = 200;
  const putTimes: number[] = [];
  const afterPutTimes: number[] = [];
  for (let i = 0; i < churn; i++) {
    const offer = offers[Math.floor(queryRnd() * n)];
    const updated = { ...offer, title: `${offer.title} (${i})`, pricePerPupil: Math.round(queryRnd() * 100) / 10 };
    const start = performance.now();
    catalogue.put(updated);
    putTimes.push(performance.now() - start);
    afterPutTimes.push(timeSearch(catalogue, searches[i % searches.length].query).ms);
  }
  putTimes.sort((a, b) => a - b);
  afterPutTimes.sort((a, b) => a - b);
  log(
    `updates: ${churn} puts of existing offers, each followed by a search: put p50 ${percentile(putTimes, 0.5).toFixed(3)} ms, p99 ${percentile(putTimes, 0.99).toFixed(3)} ms; search after a put p50 ${percentile(afterPutTimes, 0.5).toFixed(3)} ms, p99 ${percentile(afterPutTimes, 0.99).toFixed(3)} ms`,
  );
  console.log(
    `plan=${plan} build_s=${(buildMs / 1000).toFixed(2)} mean_ms=${mean.toFixed(3)} max_ms=${sorted[sorted.length - 1].toFixed(2)} put_p99_ms=${percentile(putTimes, 0.99).toFixed(3)} search_after_put_p99_ms=${percentile(afterPutTimes, 0.99).toFixed(3)}`,
  );
  console.log(`goal p99<=${GOAL_P99_MS}ms: ${p99 <= GOAL_P99_MS ? 'met' : 'missed'} (p99 ${p99.toFixed(3)} ms at ${n} offers)`);
  console.log(`offers=${n} p50_ms=${p50.toFixed(3)} p99_ms=${p99.toFixed(3)} bytes_per_offer=${bytesPerOffer}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
