import { COMPACTED_TOPICS, type Envelope, endsItsKey, parseEvent, type TopicName } from '@koppel/contracts';
import type { OutboundMessage, Transport } from './transport';

export class InvalidEventError extends Error {
  constructor(topic: string, type: string, reason: string) {
    super(`refusing to publish invalid '${type}' event to ${topic}: ${reason}`);
    this.name = 'InvalidEventError';
  }
}

/** Headers every koppel message carries, so tools can filter without parsing the value. */
export function eventHeaders(event: Envelope): Record<string, string> {
  return { 'event-id': event.id, 'event-type': event.type, 'event-version': String(event.version) };
}

/**
 * An event's message, and on a compacted topic a tombstone after an event that ends
 * its key (a withdrawal): same key, so same partition, right after it.
 */
function messagesOf(topic: string, event: Envelope): OutboundMessage[] {
  const message = { key: event.key, value: JSON.stringify(event), headers: eventHeaders(event) };
  if (!COMPACTED_TOPICS.has(topic) || !endsItsKey(event.type)) return [message];
  return [message, { key: event.key, value: null, headers: { 'tombstone-after': event.id } }];
}

/**
 * Publishes validated events. The producer checks the event against the same
 * schema the consumer will use, so a bug shows up at the source.
 */
export class Publisher {
  constructor(private readonly transport: Transport) {}

  async publish(topic: TopicName, events: Envelope | Envelope[]): Promise<void> {
    await this.publishAll((Array.isArray(events) ? events : [events]).map((event) => ({ topic, event })));
  }

  /**
   * Publishes events for several topics in one broker request, in the order given:
   * events with the same key keep their order.
   */
  async publishAll(messages: Array<{ topic: TopicName; event: Envelope }>): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<TopicName, Envelope[]>();
    for (const { topic, event } of messages) {
      const check = parseEvent(topic, event);
      if (!check.ok) throw new InvalidEventError(topic, event.type, check.reason);
      const list = byTopic.get(topic) ?? [];
      list.push(event);
      byTopic.set(topic, list);
    }
    await this.transport.send(
      [...byTopic].map(([topic, events]) => ({ topic, messages: events.flatMap((event) => messagesOf(topic, event)) })),
    );
  }

  /** Sends raw bytes without validation: only for dead-lettering and tests of malformed input. */
  async publishRaw(topic: string, message: OutboundMessage): Promise<void> {
    await this.transport.send([{ topic, messages: [message] }]);
  }
}
