import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Every domain event's name and payload. Each publishing domain adds its own by declaration
 * merging (`declare module '../platform/events/domain-events.js' { interface DomainEventMap {...} }`),
 * so subscribers get typed payloads without importing the publisher's internals.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;

export interface DomainEventContext {
  /** The transaction the publisher runs in: subscribers write through it, so their effects commit
   * together with the publisher's "done" mark or not at all (then the whole step is retried). */
  tx: EntityManager;
  /** A stable id of the occurrence (for Stripe, the event id): the same on every retry. */
  occurrenceId: string;
}

type Subscriber<K extends DomainEventName> = (payload: DomainEventMap[K], context: DomainEventContext) => Promise<void>;

/**
 * Cross-domain reactions: the publisher calls `publish` inside its transaction, every subscriber
 * runs in turn inside it, and a subscriber's error rolls the whole step back. Subscribers must
 * only move state forward, since a step may be retried after a crash.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly subscribers = new Map<DomainEventName, Subscriber<DomainEventName>[]>();

  on<K extends DomainEventName>(name: K, subscriber: Subscriber<K>): void {
    const list = this.subscribers.get(name) ?? [];
    list.push(subscriber as unknown as Subscriber<DomainEventName>);
    this.subscribers.set(name, list);
  }

  async publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K], context: DomainEventContext): Promise<number> {
    const list = this.subscribers.get(name) ?? [];
    for (const subscriber of list) await subscriber(payload, context);
    if (list.length) this.logger.debug(`${String(name)} (${context.occurrenceId}) → ${list.length} subscriber(s)`);
    return list.length;
  }
}
