/**
 * The first k results of a search (k = page x pageSize), without sorting every match:
 * a bounded max-heap on (key, tie) keeps the k smallest seen. Matches arrive in no
 * particular order, so only a few of them replace the heap's top (about k·ln(n/k)),
 * and most cost one comparison. Keys: -BM25 for relevance, km, price or title rank;
 * ties are broken by title rank, which is unique, so pages are stable.
 */
export class PageHeap {
  private slots = new Int32Array(64);
  private keys = new Float64Array(64);
  private ties = new Float64Array(64);
  private count = 0;
  private k = 0;

  reset(k: number): void {
    this.k = k;
    this.count = 0;
    if (k > this.slots.length) {
      this.slots = new Int32Array(k);
      this.keys = new Float64Array(k);
      this.ties = new Float64Array(k);
    }
  }

  offer(slot: number, key: number, tie: number): void {
    const { slots, keys, ties } = this;
    if (this.count < this.k) {
      let at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!(keys[parent] < key || (keys[parent] === key && ties[parent] < tie))) break;
        slots[at] = slots[parent];
        keys[at] = keys[parent];
        ties[at] = ties[parent];
        at = parent;
      }
      slots[at] = slot;
      keys[at] = key;
      ties[at] = tie;
      return;
    }
    if (this.k === 0 || key > keys[0] || (key === keys[0] && tie >= ties[0])) return;
    let at = 0;
    const n = this.count;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= n) break;
      const right = left + 1;
      let worst = left;
      if (right < n && (keys[right] > keys[left] || (keys[right] === keys[left] && ties[right] > ties[left]))) worst = right;
      if (!(keys[worst] > key || (keys[worst] === key && ties[worst] > tie))) break;
      slots[at] = slots[worst];
      keys[at] = keys[worst];
      ties[at] = ties[worst];
      at = worst;
    }
    slots[at] = slot;
    keys[at] = key;
    ties[at] = tie;
  }

  /** The kept slots, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort((a, b) => this.keys[a] - this.keys[b] || this.ties[a] - this.ties[b]);
    return order.map((i) => this.slots[i]);
  }
}
