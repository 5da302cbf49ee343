import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';

export const REVISED_CONTENT = ['question', 'answer', 'idea', 'comment'] as const;
export type RevisedContent = (typeof REVISED_CONTENT)[number];

/** Every version of a piece of content, the original as revision 1: edits keep their history. */
@Entity('content_revisions')
@Check('content_revisions_content_type_check', `content_type IN ('question', 'answer', 'idea', 'comment')`)
@Index('ux_content_revisions_content_type_content_id_revision', ['contentType', 'contentId', 'revision'], { unique: true })
export class ContentRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  contentType: RevisedContent;

  @Column({ type: 'uuid' })
  contentId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'uuid', nullable: true })
  editorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'fk_content_revisions_editor' })
  editor?: User;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, nullable: true })
  tags: string[] | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
