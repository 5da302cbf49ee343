import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { PluginListing } from '../../plugins/entities/plugin-listing.entity.js';
import { Hideable } from './hidden.js';

export const IDEA_STATUSES = ['open', 'under_review', 'planned', 'shipped', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

@Entity('ideas')
@Check('ideas_status_check', `status IN ('open', 'under_review', 'planned', 'shipped', 'declined')`)
@Index('ix_ideas_created_at', ['createdAt'])
@Index('ix_ideas_vote_count_created_at', ['voteCount', 'createdAt'])
@Index('ix_ideas_status_vote_count', ['status', 'voteCount'])
@Index('ix_ideas_listing_id_created_at', ['listingId', 'createdAt'])
@Index('ix_ideas_author_id_created_at', ['authorId', 'createdAt'])
@Index('ix_ideas_search', { synchronize: false })
export class Idea extends Hideable {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_ideas_author' })
  author?: User;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Set for an idea about a plugin listing (its partner may then move it); null for the offering. */
  @Column({ type: 'uuid', nullable: true })
  listingId: string | null;

  @ManyToOne(() => PluginListing, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_ideas_listing' })
  listing?: PluginListing;

  @Column({ type: 'text', default: 'open' })
  status: IdeaStatus;

  /** The public note of the last status change. */
  @Column({ type: 'text', nullable: true })
  statusNote: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'status_changed_by', foreignKeyConstraintName: 'fk_ideas_status_changed_by' })
  statusChanger?: User;

  @Column({ type: 'integer', default: 0 })
  voteCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
