/**
 * Keeps the k best (score, item) pairs seen, best first, in O(n * k) with tiny k:
 * cheaper than sorting thousands of feasible candidates per request.
 * Ties are broken by a key so rankings are reproducible.
 */
export class TopK {
  readonly scores: number[] = [];
  readonly items: number[] = [];
  readonly keys: string[] = [];

  constructor(private readonly k: number) {}

  /** The score a new item must beat to enter (or -Infinity while not full). */
  get threshold(): number {
    return this.items.length < this.k ? -Infinity : this.scores[this.scores.length - 1];
  }

  offer(score: number, item: number, itemKey: string): void {
    if (this.k <= 0) return;
    const full = this.items.length >= this.k;
    if (full && score < this.scores[this.k - 1]) return;
    let at = this.items.length;
    while (at > 0 && (score > this.scores[at - 1] || (score === this.scores[at - 1] && itemKey < this.keys[at - 1]))) at--;
    if (full && at >= this.k) return;
    this.scores.splice(at, 0, score);
    this.items.splice(at, 0, item);
    this.keys.splice(at, 0, itemKey);
    if (this.items.length > this.k) {
      this.scores.pop();
      this.items.pop();
      this.keys.pop();
    }
  }
}
