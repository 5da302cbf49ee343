import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { Idea, type IdeaStatus } from './idea.entity.js';

/** One public step in an idea's life: from, to, the note shown with it, who moved it. */
@Entity('idea_status_events')
@Index('ix_idea_status_events_idea_id_created_at', ['ideaId', 'createdAt'])
export class IdeaStatusEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_idea_status_events_idea' })
  idea?: Idea;

  @Column({ type: 'text' })
  fromStatus: IdeaStatus;

  @Column({ type: 'text' })
  toStatus: IdeaStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_idea_status_events_actor' })
  actor?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
