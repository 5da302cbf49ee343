import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import type { ContributionSource } from '../contributions/contribution-policy.js';

export type ContributionKind = 'award' | 'revocation';

/**
 * One line of the append-only points log (a trigger refuses UPDATE and DELETE): an award, or the
 * revocation that cancels an earlier award with the same key. Each line says what earned it
 * (source and content), who caused it, and the policy version that priced it.
 */
@Entity('contribution_events')
@Check('contribution_events_kind_check', `kind IN ('award', 'revocation')`)
@Index('ix_contribution_events_user_id_occurred_at', { synchronize: false })
@Index('ix_contribution_events_user_id_source_occurred_at', ['userId', 'source', 'occurredAt'])
@Index('ix_contribution_events_award_key', ['awardKey'])
export class ContributionEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_contribution_events_user' })
  user?: User;

  @Column({ type: 'text' })
  kind: ContributionKind;

  @Column({ type: 'text' })
  source: ContributionSource;

  /** Positive for an award (0 when the day's cap was reached), negative for a revocation. */
  @Column({ type: 'integer' })
  points: number;

  @Column({ type: 'integer' })
  ruleVersion: number;

  @Column({ type: 'text' })
  awardKey: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'text' })
  contentId: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** A staff award's reason, or why an award was revoked. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** A staff award's prize note. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The award was cut (to fewer points, or none) by its source's daily cap. */
  @Column({ type: 'boolean', default: false })
  capped: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;
}
