/**
 * Alphabetical order of the offers (normalised title, then id) as a number per slot,
 * so sorting by title and breaking ties of the other sorts are plain number compares.
 *
 * New slots wait in `pending` until the next `flush` (the next search). A bulk load
 * is merged at once: sort the newcomers, one linear merge, renumber. A few newcomers
 * (live updates) are inserted one by one: a binary search, a splice, and a rank
 * halfway between the neighbours' (all ranks are renumbered in the rare case that
 * there is no room left between two neighbours). Removing is a binary search and a
 * splice; the other ranks keep their order.
 */
const MERGE_ABOVE = 64;

export class TitleOrder {
  private sorted: number[] = [];
  private pending: number[] = [];
  /** 1 when the slot is in `sorted`. */
  private placed = new Uint8Array(1024);
  /** Increases along alphabetical order; only comparisons between ranks mean anything. */
  rank = new Float64Array(1024);

  constructor(
    private readonly keyOf: (slot: number) => string,
    private readonly idOf: (slot: number) => string,
    private readonly isAlive: (slot: number) => boolean,
  ) {}

  add(slot: number): void {
    this.ensureCapacity(slot + 1);
    this.pending.push(slot);
  }

  /** Call while the slot still has its title and id. */
  remove(slot: number): void {
    if (this.placed[slot] !== 1) return; // still pending: skipped at the flush
    const at = this.positionOf(slot);
    if (this.sorted[at] === slot) this.sorted.splice(at, 1);
    this.placed[slot] = 0;
  }

  /** Brings `rank` up to date; a no-op unless something was added since the last flush. */
  flush(): void {
    if (this.pending.length === 0) return;
    const fresh: number[] = [];
    for (const slot of this.pending) {
      if (this.placed[slot] === 1 || !this.isAlive(slot)) continue;
      this.placed[slot] = 1;
      fresh.push(slot);
    }
    this.pending = [];
    if (fresh.length > MERGE_ABOVE) this.merge(fresh);
    else for (const slot of fresh) this.insert(slot);
  }

  private compare(a: number, b: number): number {
    const ka = this.keyOf(a);
    const kb = this.keyOf(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = this.idOf(a);
    const ib = this.idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  /** First position in `sorted` whose slot does not come before `slot`. */
  private positionOf(slot: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.sorted[mid], slot) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private insert(slot: number): void {
    const at = this.positionOf(slot);
    this.sorted.splice(at, 0, slot);
    const before = at > 0 ? this.rank[this.sorted[at - 1]] : undefined;
    const after = at + 1 < this.sorted.length ? this.rank[this.sorted[at + 1]] : undefined;
    let rank: number;
    if (before === undefined) rank = after === undefined ? 0 : after - 1;
    else if (after === undefined) rank = before + 1;
    else rank = before + (after - before) / 2;
    if ((before !== undefined && rank <= before) || (after !== undefined && rank >= after)) this.renumber();
    else this.rank[slot] = rank;
  }

  private merge(fresh: number[]): void {
    fresh.sort((a, b) => this.compare(a, b));
    const kept = this.sorted;
    const merged = new Array<number>(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < fresh.length) merged[k++] = this.compare(kept[i], fresh[j]) <= 0 ? kept[i++] : fresh[j++];
    while (i < kept.length) merged[k++] = kept[i++];
    while (j < fresh.length) merged[k++] = fresh[j++];
    this.sorted = merged;
    this.renumber();
  }

  private renumber(): void {
    for (let r = 0; r < this.sorted.length; r++) this.rank[this.sorted[r]] = r;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.placed.length) return;
    let capacity = this.placed.length;
    while (capacity < size) capacity *= 2;
    const placed = new Uint8Array(capacity);
    placed.set(this.placed);
    this.placed = placed;
    const rank = new Float64Array(capacity);
    rank.set(this.rank);
    this.rank = rank;
  }
}
