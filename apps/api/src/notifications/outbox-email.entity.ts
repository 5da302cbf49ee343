import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'held'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An email, written in the same transaction as the change it announces and sent afterwards:
 * `pending` waits for the sender job, `held` is kept for staff because no SMTP server is
 * configured, `sent` and `failed` (after every retry) are final.
 */
@Entity('email_outbox')
@Check('email_outbox_status_check', `status IN ('pending', 'sent', 'failed', 'held')`)
@Index('ix_email_outbox_status_created_at', ['status', 'createdAt'])
export class OutboxEmail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text' })
  status: OutboxStatus;

  /** Send attempts made so far. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  // Millisecond precision, as in the cursors that page through it (a JS Date holds no microseconds).
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
