import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { Hideable } from './hidden.js';

export const COMMENT_TARGETS = ['question', 'answer', 'idea'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** A short remark under a question, an answer or an idea (Markdown). */
@Entity('community_comments')
@Check('community_comments_target_type_check', `target_type IN ('question', 'answer', 'idea')`)
@Index('ix_community_comments_target_type_target_id_created_at', ['targetType', 'targetId', 'createdAt'])
@Index('ix_community_comments_author_id_created_at', ['authorId', 'createdAt'])
export class CommunityComment extends Hideable {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  targetType: CommentTarget;

  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_community_comments_author' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
