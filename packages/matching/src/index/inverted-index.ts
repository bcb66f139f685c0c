/**
 * Incremental BM25 inverted index over weighted terms. Documents are addressed by
 * a dense integer slot that the caller owns (the engine reuses slots of removed
 * documents), so per-query accumulators can be flat typed arrays.
 *
 * Why BM25: term-frequency saturation (k1) and length normalisation (b) keep long
 * offer descriptions from winning by sheer size, which raw TF-IDF does not.
 */
export interface Bm25Params {
  k1: number;
  b: number;
}

interface PostingList {
  slots: Int32Array;
  weights: Float32Array;
  length: number;
}

interface DocTerms {
  termIds: Int32Array;
  weights: Float32Array;
}

export class InvertedIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: PostingList[] = [];
  private docs: Array<DocTerms | undefined> = [];
  private docLengths = new Float32Array(1024);
  private totalLength = 0;
  private docCount = 0;
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);

  constructor(private readonly params: Bm25Params) {}

  get size(): number {
    return this.docCount;
  }

  /** Adds (or replaces) the document at a slot. */
  add(slot: number, termWeights: ReadonlyMap<string, number>): void {
    if (this.docs[slot]) this.remove(slot);
    this.ensureCapacity(slot + 1);
    const termIds = new Int32Array(termWeights.size);
    const weights = new Float32Array(termWeights.size);
    let i = 0;
    let length = 0;
    for (const [term, weight] of termWeights) {
      const id = this.termIdOf(term);
      termIds[i] = id;
      weights[i] = weight;
      this.appendPosting(id, slot, weight);
      length += weight;
      i++;
    }
    this.docs[slot] = { termIds, weights };
    this.docLengths[slot] = length;
    this.totalLength += length;
    this.docCount++;
  }

  remove(slot: number): void {
    const doc = this.docs[slot];
    if (!doc) return;
    for (let i = 0; i < doc.termIds.length; i++) this.removePosting(doc.termIds[i], slot);
    this.totalLength -= this.docLengths[slot];
    this.docs[slot] = undefined;
    this.docCount--;
  }

  has(slot: number): boolean {
    return this.docs[slot] !== undefined;
  }

  /** Terms (strings) of a stored document; used to explain matches. */
  termsOf(slot: number): string[] {
    const doc = this.docs[slot];
    return doc ? Array.from(doc.termIds, (id) => this.terms[id]) : [];
  }

  /** Weight of a term in a stored document (0 when absent). */
  weightIn(slot: number, term: string): number {
    const doc = this.docs[slot];
    const id = this.termIds.get(term);
    if (!doc || id === undefined) return 0;
    const at = doc.termIds.indexOf(id);
    return at < 0 ? 0 : doc.weights[at];
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings[id].length;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25 scores of every document sharing a term with the query. Calls `visit`
   * once per touched slot; walks only the posting lists of the query's terms.
   */
  search(query: ReadonlyMap<string, number>, visit: (slot: number, score: number) => void): void {
    const { k1, b } = this.params;
    const avgLength = this.docCount > 0 ? this.totalLength / this.docCount : 1;
    const scores = this.scores;
    const touched = this.touched;
    const lengths = this.docLengths;
    let touchedCount = 0;
    const lengthFactor = b / avgLength;
    const base = 1 - b;
    for (const [term, queryWeight] of query) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const list = this.postings[id];
      if (list.length === 0) continue;
      const idf = Math.log(1 + (this.docCount - list.length + 0.5) / (list.length + 0.5));
      const termBoost = queryWeight * idf * (k1 + 1);
      const slots = list.slots;
      const weights = list.weights;
      for (let i = 0; i < list.length; i++) {
        const slot = slots[i];
        const tf = weights[i];
        if (scores[slot] === 0) touched[touchedCount++] = slot;
        scores[slot] += (termBoost * tf) / (tf + k1 * (base + lengthFactor * lengths[slot]));
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      visit(slot, scores[slot]);
      scores[slot] = 0;
    }
  }

  /** The best score any document could get for this query (tf saturated): an absolute scale. */
  maxPossibleScore(query: ReadonlyMap<string, number>): number {
    const { k1 } = this.params;
    let total = 0;
    for (const [term, weight] of query) if (this.documentFrequency(term) > 0) total += weight * this.idf(term) * (k1 + 1) * 0.75;
    return total;
  }

  private termIdOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postings.push({ slots: new Int32Array(2), weights: new Float32Array(2), length: 0 });
    }
    return id;
  }

  private appendPosting(id: number, slot: number, weight: number): void {
    const list = this.postings[id];
    if (list.length === list.slots.length) {
      const slots = new Int32Array(list.slots.length * 2);
      slots.set(list.slots);
      const weights = new Float32Array(list.weights.length * 2);
      weights.set(list.weights);
      list.slots = slots;
      list.weights = weights;
    }
    list.slots[list.length] = slot;
    list.weights[list.length] = weight;
    list.length++;
  }

  /** Swap-remove: posting order does not matter for scoring. */
  private removePosting(id: number, slot: number): void {
    const list = this.postings[id];
    for (let i = 0; i < list.length; i++) {
      if (list.slots[i] !== slot) continue;
      list.length--;
      list.slots[i] = list.slots[list.length];
      list.weights[i] = list.weights[list.length];
      return;
    }
  }

  private ensureCapacity(size: number): void {
    if (size <= this.docLengths.length) return;
    let capacity = this.docLengths.length;
    while (capacity < size) capacity *= 2;
    const lengths = new Float32Array(capacity);
    lengths.set(this.docLengths);
    this.docLengths = lengths;
    this.scores = new Float64Array(capacity);
    this.touched = new Int32Array(capacity);
  }
}
