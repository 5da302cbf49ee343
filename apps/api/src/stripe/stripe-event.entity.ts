import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type StripeEventStatus = 'received' | 'processed' | 'ignored' | 'failed';

/** A Stripe webhook event as received, stored once by its id before anything acts on it. */
@Entity('stripe_events')
@Check('stripe_events_status_check', `status IN ('received', 'processed', 'ignored', 'failed')`)
@Index('ix_stripe_events_status_received_at', ['status', 'receivedAt'])
export class StripeEventRecord {
  /** Stripe's event id (`evt_...`). */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Index('ix_stripe_events_type')
  @Column({ type: 'text' })
  type: string;

  /** The connected account the event happened on; null for the platform's own events. */
  @Column({ type: 'text', nullable: true })
  account: string | null;

  @Column({ type: 'boolean' })
  livemode: boolean;

  /** When Stripe created the event. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** Millisecond precision: the staff list's cursor carries a JS Date, which holds no microseconds. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'received' })
  status: StripeEventStatus;

  /** Processing runs that failed (reset by a replay). */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
