import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeOffer, makeRequest } from './fixtures';

const ROOT = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'koppel-match-'));

function write(name: string, lines: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return file;
}

function runMatch(...args: string[]) {
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['packages/matching/src/cli/match.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('match CLI', () => {
  jest.setTimeout(30_000);
  const offers = write('offers.jsonl', [makeOffer({ id: 'a' }), makeOffer({ id: 'b', audience: { ageMin: 3, ageMax: 4 } })]);

  it('prints one contract line per request on stdout and exits 0', () => {
    const requests = write('requests.jsonl', [makeRequest({ id: 'r1' }), makeRequest({ id: 'r2', pupils: { ageMin: 16, ageMax: 17 } })]);
    const run = runMatch('--offers', offers, '--requests', requests, '--top', '5');
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { requestId: 'r1', matches: [{ offerId: 'a', score: expect.any(Number) }] },
      { requestId: 'r2', matches: [] },
    ]);
  });

  it('names file, line and field for a wrong enum, and exits 2', () => {
    const requests = write('bad-enum.jsonl', [makeRequest(), { ...makeRequest(), language: 'de' }]);
    const run = runMatch('--offers', offers, '--requests', requests);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad-enum.jsonl:2: field language');
    expect(run.stdout).toBe('');
  });

  it('names the missing field', () => {
    const { pupils: _omit, ...noPupils } = makeRequest();
    const run = runMatch('--offers', offers, '--requests', write('missing.jsonl', [noPupils]));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.jsonl:1: field pupils');
  });

  it('reports a broken JSON line', () => {
    const run = runMatch('--offers', write('broken.jsonl', ['{"id": "x",']), '--requests', offers);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken.jsonl:1: broken JSON');
  });
});
