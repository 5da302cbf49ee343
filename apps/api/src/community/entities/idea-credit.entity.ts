import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { Idea } from './idea.entity.js';

export type IdeaCreditRole = 'author' | 'contributor';

/** A member credited by name on a shipped idea: its author, or someone whose comment shaped it (chosen by staff). */
@Entity('idea_credits')
@Check('idea_credits_role_check', `role IN ('author', 'contributor')`)
@Index('ix_idea_credits_user_id', ['userId'])
export class IdeaCredit {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_idea_credits' })
  ideaId: string;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_idea_credits_idea' })
  idea?: Idea;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_idea_credits' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_idea_credits_user' })
  user?: User;

  @Column({ type: 'text' })
  role: IdeaCreditRole;

  /** The comment that earned a contributor's credit. */
  @Column({ type: 'uuid', nullable: true })
  commentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  creditedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'credited_by', foreignKeyConstraintName: 'fk_idea_credits_credited_by' })
  creditor?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
