import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { PluginReview } from './plugin-review.entity.js';

export const REVIEW_ACTIONS = ['submitted', 'claimed', 'released', 'approved', 'rejected', 'changes_requested', 'withdrawn'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Whether a reviewer took this step (the partner submits and withdraws; everything else is staff's), so partners see it unnamed. */
export function isReviewerAction(action: ReviewAction): boolean {
  return action !== 'submitted' && action !== 'withdrawn';
}

/** One step in a review's history, shown to the partner and the reviewers. */
@Entity('plugin_review_events')
@Check('plugin_review_events_action_check', `action IN ('submitted', 'claimed', 'released', 'approved', 'rejected', 'changes_requested', 'withdrawn')`)
@Index('ix_plugin_review_events_review_id_created_at', ['reviewId', 'createdAt'])
export class PluginReviewEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => PluginReview, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'fk_plugin_review_events_review' })
  review?: PluginReview;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_plugin_review_events_actor' })
  actor?: User;

  @Column({ type: 'text' })
  action: ReviewAction;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
