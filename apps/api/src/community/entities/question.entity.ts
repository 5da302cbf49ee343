import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { PluginListing } from '../../plugins/entities/plugin-listing.entity.js';
import { Answer } from './answer.entity.js';
import { Hideable } from './hidden.js';

@Entity('questions')
@Index('ix_questions_created_at', ['createdAt'])
@Index('ix_questions_last_activity_at', ['lastActivityAt'])
@Index('ix_questions_listing_id_created_at', ['listingId', 'createdAt'])
@Index('ix_questions_author_id_created_at', ['authorId', 'createdAt'])
// GIN indexes (tags, full-text search) are declared in the migration only.
@Index('ix_questions_tags', { synchronize: false })
@Index('ix_questions_search', { synchronize: false })
export class Question extends Hideable {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_questions_author' })
  author?: User;

  @Column({ type: 'text' })
  title: string;

  /** Markdown, as written; rendered and sanitised when shown. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'uuid', nullable: true })
  listingId: string | null;

  @ManyToOne(() => PluginListing, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_questions_listing' })
  listing?: PluginListing;

  @Column({ type: 'uuid', nullable: true })
  acceptedAnswerId: string | null;

  @ManyToOne(() => Answer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_answer_id', foreignKeyConstraintName: 'fk_questions_accepted_answer' })
  acceptedAnswer?: Relation<Answer>;

  /** Visible answers (hidden ones are not counted). */
  @Column({ type: 'integer', default: 0 })
  answerCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
