import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { Answer } from './answer.entity.js';
import { Idea } from './idea.entity.js';

/** A member found an answer helpful: one per member and answer, retractable. */
@Entity('answer_votes')
export class AnswerVote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_answer_votes' })
  answerId: string;

  @ManyToOne(() => Answer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'answer_id', foreignKeyConstraintName: 'fk_answer_votes_answer' })
  answer?: Answer;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_answer_votes' })
  voterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voter_id', foreignKeyConstraintName: 'fk_answer_votes_voter' })
  voter?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A member's vote for an idea: one per member and idea, retractable. */
@Entity('idea_votes')
export class IdeaVote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_idea_votes' })
  ideaId: string;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_idea_votes_idea' })
  idea?: Idea;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_idea_votes' })
  voterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voter_id', foreignKeyConstraintName: 'fk_idea_votes_voter' })
  voter?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
