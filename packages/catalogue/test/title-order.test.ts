import { seededRandom } from '@koppel/matching';
import { TitleOrder } from '../src/title-order';

describe('TitleOrder', () => {
  it('keeps ranks in title-then-id order through bulk loads, single puts, removals and reused slots', () => {
    const titles: Array<string | undefined> = [];
    const ids: string[] = [];
    const order = new TitleOrder(
      (slot) => titles[slot] ?? '',
      (slot) => ids[slot],
      (slot) => titles[slot] !== undefined,
    );
    const rnd = seededRandom(3);
    const words = ['aap', 'beer', 'cello', 'dans', 'ezel', 'fluit'];
    const free: number[] = [];
    let next = 0;
    const put = (): void => {
      const slot = free.pop() ?? next++;
      titles[slot] = `${words[Math.floor(rnd() * words.length)]} ${Math.floor(rnd() * 5)}`;
      ids[slot] = `id${Math.floor(rnd() * 1e6)}`;
      order.add(slot);
    };
    const remove = (slot: number): void => {
      order.remove(slot);
      titles[slot] = undefined;
      free.push(slot);
    };
    const check = (): void => {
      order.flush();
      const alive = titles.flatMap((t, slot) => (t === undefined ? [] : [slot]));
      const expected = [...alive].sort((a, b) => (titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : ids[a] < ids[b] ? -1 : 1));
      const byRank = [...alive].sort((a, b) => order.rank[a] - order.rank[b]);
      expect(byRank).toEqual(expected);
      expect(new Set(alive.map((slot) => order.rank[slot])).size).toBe(alive.length);
    };
    for (let i = 0; i < 500; i++) put(); // bulk: merged
    check();
    for (let round = 0; round < 300; round++) {
      const alive = titles.flatMap((t, slot) => (t === undefined ? [] : [slot]));
      const op = rnd();
      if (op < 0.4) remove(alive[Math.floor(rnd() * alive.length)]);
      else if (op < 0.8)
        put(); // one at a time: inserted
      else {
        const slot = alive[Math.floor(rnd() * alive.length)];
        remove(slot);
        put(); // the slot is reused before the next flush
      }
      if (round % 3 === 0) check();
    }
    check();
  });

  it('renumbers when many titles land between the same two neighbours', () => {
    const titles = ['a', 'z'];
    const order = new TitleOrder(
      (slot) => titles[slot],
      (slot) => String(slot).padStart(4, '0'),
      () => true,
    );
    order.add(0);
    order.add(1);
    order.flush();
    for (let i = 2; i < 200; i++) {
      titles[i] = `m${'n'.repeat(i)}`; // each lands after the previous one, just before 'z'
      order.add(i);
      order.flush();
    }
    const slots = titles.map((_, slot) => slot).sort((a, b) => order.rank[a] - order.rank[b]);
    expect(slots[0]).toBe(0);
    expect(slots[slots.length - 1]).toBe(1);
    expect(slots.slice(1, -1)).toEqual(Array.from({ length: 198 }, (_, i) => i + 2));
  });
});
