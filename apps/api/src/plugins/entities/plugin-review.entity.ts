import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import type { ListingDetails } from '../listing-details.js';
import { PluginListing } from './plugin-listing.entity.js';
import { PluginVersion } from './plugin-version.entity.js';

export const REVIEW_STATUSES = ['submitted', 'in_review', 'approved', 'rejected', 'changes_requested', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** Waiting on a reviewer: in the queue (submitted) or claimed by one (in_review). */
export const OPEN_REVIEW_STATUSES: readonly ReviewStatus[] = ['submitted', 'in_review'];
export type ReviewKind = 'version' | 'listing';

/**
 * One item on the review desk: a version (kind `version`) or changes to a public listing's details
 * (kind `listing`). `details` is the listing copy that approval publishes: the draft as it was at
 * submission, for listing changes and for the first version of a listing that is not public yet.
 */
@Entity('plugin_reviews')
@Check('plugin_reviews_status_check', `status IN ('submitted', 'in_review', 'approved', 'rejected', 'changes_requested', 'withdrawn')`)
@Check('plugin_reviews_kind_check', `(kind = 'version' AND version_id IS NOT NULL) OR (kind = 'listing' AND version_id IS NULL AND details IS NOT NULL)`)
@Index('ix_plugin_reviews_status_submitted_at', ['status', 'submittedAt'])
@Index('ix_plugin_reviews_listing_id_submitted_at', ['listingId', 'submittedAt'])
@Index('ux_plugin_reviews_open_listing_change', ['listingId'], { unique: true, where: `kind = 'listing' AND status IN ('submitted', 'in_review')` })
export class PluginReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  listingId: string;

  @ManyToOne(() => PluginListing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_plugin_reviews_listing' })
  listing?: PluginListing;

  @Column({ type: 'text' })
  kind: ReviewKind;

  @Index('ux_plugin_reviews_version_id', { unique: true, where: 'version_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  versionId: string | null;

  // Many-to-one in TypeORM's terms; ux_plugin_reviews_version_id keeps it one review per version.
  @ManyToOne(() => PluginVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_plugin_reviews_version' })
  version?: PluginVersion;

  @Column({ type: 'jsonb', nullable: true })
  details: ListingDetails | null;

  @Column({ type: 'text', default: 'submitted' })
  status: ReviewStatus;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'fk_plugin_reviews_submitted_by' })
  submitter?: User;

  /** When it entered the queue: its age, and the queue's order (oldest first). */
  @Column({ type: 'timestamptz', precision: 3 })
  submittedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  claimedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by', foreignKeyConstraintName: 'fk_plugin_reviews_claimed_by' })
  claimant?: User;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_plugin_reviews_decided_by' })
  decider?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The reviewer's message to the partner (reasons for rejection, changes wanted, approval note). */
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
