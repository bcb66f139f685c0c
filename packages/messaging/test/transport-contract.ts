import type { BatchControl, InboundBatch, Transport } from '../src';

/**
 * What every transport must do, run against the in-process one (unit) and Kafka
 * (integration): the behaviour the consumer, the publisher and the dead-letter
 * tools rely on. `topic(name)` gives a topic name unique to the run.
 */
export function transportContract(
  name: string,
  make: () => Transport,
  topic: (suffix: string) => string,
  group: (suffix: string) => string,
) {
  describe(`${name} transport`, () => {
    let transport: Transport;
    const stops: Array<() => Promise<void>> = [];
    beforeAll(() => {
      transport = make();
    });
    afterEach(async () => {
      for (const stop of stops.splice(0)) await stop();
    });
    afterAll(async () => {
      await transport.close();
    });

    /** Consumes until `count` messages were seen; resolves with them, committing as it goes. */
    async function consumeUntil(
      options: { groupId: string; topics: string[]; fromBeginning?: boolean; fail?: (batch: InboundBatch) => boolean },
      count: number,
    ): Promise<Array<{ key: string | null; value: string | null; headers: Record<string, string>; partition: number; offset: string }>> {
      const seen: Array<{ key: string | null; value: string | null; headers: Record<string, string>; partition: number; offset: string }> =
        [];
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => {
        done = resolve;
      });
      const consumer = await transport.consume({
        groupId: options.groupId,
        topics: options.topics,
        fromBeginning: options.fromBeginning ?? true,
        onJoin: () => undefined,
        onCrash: () => undefined,
        eachBatch: async (batch: InboundBatch, control: BatchControl) => {
          if (options.fail?.(batch)) throw new Error('handler failed before committing');
          for (const m of batch.messages) {
            seen.push({
              key: m.key,
              value: m.value?.toString('utf8') ?? null,
              headers: m.headers,
              partition: batch.partition,
              offset: m.offset,
            });
            control.resolveOffset(m.offset);
          }
          await control.commit();
          if (seen.length >= count) done();
        },
      });
      stops.push(() => consumer.stop());
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          finished,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`saw ${seen.length} of ${count}`)), 60_000);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
      return seen;
    }

    it('delivers what was sent, in order per key, with keys and headers, and counts it', async () => {
      const t = topic('order');
      await transport.ensureTopics([t]);
      await transport.ensureTopics([t]); // again: nothing changes
      const messages = ['a', 'b', 'c', 'd', 'e', 'f'].map((v, i) => ({ key: `k${i % 2}`, value: v, headers: { 'event-id': `e-${v}` } }));
      await transport.send([{ topic: t, messages }]);
      const seen = await consumeUntil({ groupId: group('order'), topics: [t] }, 6);
      expect(seen.filter((m) => m.key === 'k0').map((m) => m.value)).toEqual(['a', 'c', 'e']);
      expect(seen.filter((m) => m.key === 'k1').map((m) => m.value)).toEqual(['b', 'd', 'f']);
      expect(seen.find((m) => m.value === 'd')?.headers['event-id']).toBe('e-d');
      expect(await transport.topicSize(t)).toBe(6);
      const stored = await transport.readTopic(t);
      expect(stored.map((m) => m.value).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      expect(await transport.readTopic(topic('never-created'))).toEqual([]);
      expect(await transport.topicSize(topic('never-created'))).toBe(0);
    });

    it('gives a group only what it has not committed: a second consumer of the group starts after the first', async () => {
      const t = topic('commit');
      await transport.ensureTopics([t]);
      await transport.send([{ topic: t, messages: [{ key: 'k', value: 'one' }] }]);
      await consumeUntil({ groupId: group('commit'), topics: [t] }, 1);
      for (const stop of stops.splice(0)) await stop();
      await transport.send([{ topic: t, messages: [{ key: 'k', value: 'two' }] }]);
      const again = await consumeUntil({ groupId: group('commit'), topics: [t] }, 1);
      expect(again.map((m) => m.value)).toEqual(['two']);
    });

    it('delivers a batch again after its handler failed before committing', async () => {
      const t = topic('redeliver');
      await transport.ensureTopics([t]);
      await transport.send([{ topic: t, messages: [{ key: 'k', value: 'once' }] }]);
      let failures = 0;
      const seen = await consumeUntil({ groupId: group('redeliver'), topics: [t], fail: () => failures++ < 2 }, 1);
      expect(failures).toBeGreaterThanOrEqual(2);
      expect(seen.map((m) => m.value)).toEqual(['once']);
    });

    it('refuses to send to a topic that does not exist', async () => {
      await expect(transport.send([{ topic: topic('missing'), messages: [{ key: 'k', value: 'x' }] }])).rejects.toThrow();
    });

    it('says the broker is there', async () => {
      expect((await transport.check()).ok).toBe(true);
    });
  });
}
