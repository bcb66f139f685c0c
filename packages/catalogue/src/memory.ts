import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Catalogue } from './catalogue';

/**
 * What an offer costs in memory, measured rather than guessed: the V8 heap in use
 * (`process.memoryUsage().heapUsed`) after a full garbage collection, before and
 * after loading. Whatever the load keeps alive counts: the Offer objects themselves
 * (the catalogue keeps them for `get` and the result cards), the inverted index,
 * the filter columns and sets, the geo grid and the title order. Typed arrays keep
 * their contents outside the V8 heap (all but the tiniest), so
 * `process.memoryUsage().arrayBuffers` is added: heapUsed alone would miss the
 * inverted index's postings and per-offer term arrays.
 *
 * The collection is forced with `global.gc` when node runs with --expose-gc, else
 * the flag is switched on at run time (as the matching bench does). Without a
 * collection the numbers include garbage and are reported as such (`gc: false`).
 */
export interface HeapMeasurement<T> {
  value: T;
  /** Heap plus array buffers kept by the load, in bytes. */
  bytes: number;
  /** Whether garbage was collected before both readings (else `bytes` is an overestimate). */
  gc: boolean;
}

export function collectGarbage(): boolean {
  const exposed = (globalThis as { gc?: () => void }).gc;
  try {
    let gc = exposed;
    if (typeof gc !== 'function') {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
    gc();
    gc();
    return true;
  } catch {
    return false;
  }
}

const inUse = (): number => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/** Memory kept alive by what `load` returns (and by anything else it left reachable). */
export function measureHeap<T>(load: () => T): HeapMeasurement<T> {
  const gcBefore = collectGarbage();
  const before = inUse();
  const value = load();
  const gcAfter = collectGarbage();
  return { value, bytes: inUse() - before, gc: gcBefore && gcAfter };
}

/**
 * Bytes per offer of a catalogue built by `load`. Build the offers inside `load` (or
 * measure them with `measureHeap` and add them), so the Offer objects count too.
 */
export function measureBytesPerOffer(load: () => Catalogue): HeapMeasurement<Catalogue> & { bytesPerOffer: number } {
  const measured = measureHeap(load);
  const count = measured.value.size();
  return { ...measured, bytesPerOffer: count > 0 ? Math.round(measured.bytes / count) : 0 };
}
