import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import type { ContributionSource } from '../contributions/contribution-policy.js';

/**
 * Where each award key stands now (the log says how it got there): makes awards idempotent,
 * lets hiding content find the awards to revoke, and lets badges count what is still standing.
 */
@Entity('contribution_awards')
@Index('ix_contribution_awards_content_type_content_id', ['contentType', 'contentId'])
@Index('ix_contribution_awards_user_id_source', ['userId', 'source'])
export class ContributionAward {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'contribution_awards_pkey' })
  awardKey: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_contribution_awards_user' })
  user?: User;

  @Column({ type: 'text' })
  source: ContributionSource;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'text' })
  contentId: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** What the standing award is worth (what a revocation takes back). */
  @Column({ type: 'integer' })
  points: number;

  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
