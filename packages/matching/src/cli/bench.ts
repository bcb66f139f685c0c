/**
 * Speed benchmark on a synthetic catalogue:
 *   npm run --silent bench:matching -- --offers 100000 [--requests 1000] [--scan-offers 20000] [--scan-requests 20]
 * Progress on stderr; the last stdout line is
 *   offers=<n> p50_ms=<x> p99_ms=<x> bytes_per_offer=<n> speedup_vs_scan=<x>
 * The brute-force scan (natural TfIdf over every offer, plus the constraint check
 * per offer) is timed on a sample and scaled linearly to n, because it is O(n)
 * per request and a full 100,000-document natural TfIdf needs several GB.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { syntheticOffer, syntheticRequest, seededRandom } from '../bench/synthetic';
import { checkHardConstraints } from '../constraints';
import { MatchingEngine } from '../engine';
import { newTfIdf } from '../eval/natural-tfidf';
import { argValue, runCli } from './read-jsonl';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const log = (line: string): boolean => process.stderr.write(`${line}\n`);

function main(): void {
  const n = Number(argValue(process.argv, 'offers') ?? 100_000);
  const requestCount = Number(argValue(process.argv, 'requests') ?? 1000);
  const scanOffers = Math.min(n, Number(argValue(process.argv, 'scan-offers') ?? 20_000));
  const scanRequests = Number(argValue(process.argv, 'scan-requests') ?? 20);
  const rnd = seededRandom(20240601);
  const offers = Array.from({ length: n }, (_, i) => syntheticOffer(i, rnd));
  const requests = Array.from({ length: requestCount }, (_, i) => syntheticRequest(i, rnd));
  log(`generated ${n} offers, ${requestCount} requests`);

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = new MatchingEngine();
  const buildStart = performance.now();
  for (const offer of offers) engine.upsertOffer(offer);
  const buildMs = performance.now() - buildStart;
  collectGarbage();
  const bytesPerOffer = Math.round((process.memoryUsage().heapUsed - heapBefore) / n);
  log(`index build: ${(buildMs / 1000).toFixed(2)} s (${((buildMs * 1000) / n).toFixed(1)} µs/offer), heap ${bytesPerOffer} bytes/offer`);

  for (const request of requests.slice(0, 50)) engine.matchRequest(request); // warm-up (JIT)
  const latencies: number[] = [];
  let returned = 0;
  for (const request of requests) {
    const start = performance.now();
    returned += engine.matchRequest(request, { top: 10 }).length;
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  const meanMs = latencies.reduce((s, x) => s + x, 0) / latencies.length;
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  log(
    `engine: ${requestCount} requests, mean ${meanMs.toFixed(3)} ms, p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${latencies[latencies.length - 1].toFixed(2)} ms, ${(returned / requestCount).toFixed(1)} matches/request`,
  );

  // Brute force: natural TfIdf over every offer of the sample, constraints checked per offer.
  const sample = offers.slice(0, scanOffers);
  const tfidf = newTfIdf();
  for (const offer of sample) tfidf.addDocument(`${offer.title} ${offer.description}`);
  const scanTimes: number[] = [];
  for (const request of requests.slice(0, scanRequests)) {
    const start = performance.now();
    const scored: Array<[number, number]> = [];
    tfidf.tfidfs(`${request.title} ${request.description}`, (i, measure) => {
      if (checkHardConstraints(request, sample[i]).feasible) scored.push([i, measure]);
    });
    scored.sort((a, b) => b[1] - a[1]).slice(0, 10);
    scanTimes.push(performance.now() - start);
  }
  const scanMs = (scanTimes.reduce((s, x) => s + x, 0) / scanTimes.length) * (n / scanOffers);
  log(`scan: natural TfIdf over ${scanOffers} offers x ${scanRequests} requests, scaled to ${n} offers: ${scanMs.toFixed(1)} ms/request`);
  const speedup = scanMs / meanMs;
  console.log(`build_s=${(buildMs / 1000).toFixed(2)} engine_mean_ms=${meanMs.toFixed(3)} scan_ms=${scanMs.toFixed(1)}`);
  console.log(
    `offers=${n} p50_ms=${p50.toFixed(3)} p99_ms=${p99.toFixed(3)} bytes_per_offer=${bytesPerOffer} speedup_vs_scan=${speedup.toFixed(1)}`,
  );
}

runCli(main);
