import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { Hideable } from './hidden.js';
import { Question } from './question.entity.js';

@Entity('answers')
@Index('ix_answers_question_id_created_at', ['questionId', 'createdAt'])
@Index('ix_answers_author_id_created_at', ['authorId', 'createdAt'])
export class Answer extends Hideable {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionId: string;

  @ManyToOne(() => Question, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_answers_question' })
  question?: Relation<Question>;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_answers_author' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'integer', default: 0 })
  helpfulCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
