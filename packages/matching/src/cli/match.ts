/**
 * Batch matching in the contract's format:
 *   npm run --silent match -- --offers offers.jsonl --requests requests.jsonl [--top N]
 * stdout: one JSON line per request; progress and errors on stderr. Bad input: exit 2.
 */
import { OfferSchema, RequestSchema } from '@koppel/contracts';
import { MatchingEngine } from '../engine';
import { InputError, argValue, readJsonl, runCli } from './read-jsonl';

function main(): void {
  const argv = process.argv.slice(2);
  const offersFile = argValue(argv, 'offers');
  const requestsFile = argValue(argv, 'requests');
  const top = Number(argValue(argv, 'top') ?? 10);
  if (!offersFile || !requestsFile) throw new InputError('usage: match --offers <offers.jsonl> --requests <requests.jsonl> [--top N]');
  if (!Number.isInteger(top) || top < 0) throw new InputError(`--top: expected a whole number, got ${argValue(argv, 'top')}`);
  const offers = readJsonl(offersFile, OfferSchema);
  const requests = readJsonl(requestsFile, RequestSchema);
  const engine = new MatchingEngine();
  for (const offer of offers) engine.upsertOffer(offer);
  process.stderr.write(`indexed ${engine.offerCount} offers; matching ${requests.length} requests\n`);
  const lines: string[] = [];
  for (const request of requests) {
    const matches = engine.matchRequest(request, { top }).map((m) => ({ offerId: m.offerId, score: m.score }));
    lines.push(JSON.stringify({ requestId: request.id, matches }));
  }
  process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
}

runCli(main);
