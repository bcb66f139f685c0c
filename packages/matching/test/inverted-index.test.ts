import { InvertedIndex } from '../src/index/inverted-index';

const doc = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

function scores(index: InvertedIndex, ...query: string[]): Map<number, number> {
  const out = new Map<number, number>();
  index.search(doc(...query), (slot, score) => out.set(slot, score));
  return out;
}

describe('InvertedIndex (BM25)', () => {
  it('scores only documents sharing a term, rarer terms higher', () => {
    const index = new InvertedIndex({ k1: 1.2, b: 0.75 });
    index.add(0, doc('graffiti', 'workshop'));
    index.add(1, doc('klei', 'workshop'));
    index.add(2, doc('zingen'));
    const s = scores(index, 'graffiti', 'workshop');
    expect([...s.keys()].sort()).toEqual([0, 1]);
    expect(s.get(0)!).toBeGreaterThan(s.get(1)!);
  });

  it('normalises for length: the same match counts more in a short document', () => {
    const index = new InvertedIndex({ k1: 1.2, b: 0.75 });
    index.add(0, doc('graffiti'));
    index.add(1, doc('graffiti', 'a', 'b', 'c', 'd', 'e', 'f'));
    index.add(2, doc('x'));
    const s = scores(index, 'graffiti');
    expect(s.get(0)!).toBeGreaterThan(s.get(1)!);
  });

  it('removes and replaces documents incrementally', () => {
    const index = new InvertedIndex({ k1: 1.2, b: 0.75 });
    index.add(0, doc('graffiti'));
    index.add(1, doc('graffiti'));
    index.remove(0);
    expect(index.size).toBe(1);
    expect([...scores(index, 'graffiti').keys()]).toEqual([1]);
    index.add(1, doc('klei'));
    expect(scores(index, 'graffiti').size).toBe(0);
    expect(index.documentFrequency('klei')).toBe(1);
  });
});
