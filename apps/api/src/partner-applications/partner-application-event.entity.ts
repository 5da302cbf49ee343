import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../identity/user.entity.js';
import { PartnerApplication } from './partner-application.entity.js';

export const APPLICATION_ACTIONS = ['submitted', 'changes_requested', 'resubmitted', 'approved', 'rejected', 'withdrawn', 'edited'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** One step in an application's history, shown to the applicant and the reviewers. */
@Entity('partner_application_events')
@Check('partner_application_events_action_check', `action IN ('submitted', 'changes_requested', 'resubmitted', 'approved', 'rejected', 'withdrawn', 'edited')`)
@Index('ix_partner_application_events_application_id_created_at', ['applicationId', 'createdAt'])
export class PartnerApplicationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => PartnerApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_partner_application_events_application' })
  application?: PartnerApplication;

  /** Who did it; null once that account is gone. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_partner_application_events_actor' })
  actor?: User;

  @Column({ type: 'text' })
  action: ApplicationAction;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
