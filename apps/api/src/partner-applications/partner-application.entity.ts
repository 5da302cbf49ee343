import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../identity/user.entity.js';
import { Partner } from '../partners/partner.entity.js';

export const APPLICATION_STATUSES = ['submitted', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Open applications wait on someone; a member has at most one, and it holds its namespace. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'changes_requested'];

/** A member's request to become a partner organisation, reviewed by staff. */
@Entity('partner_applications')
@Check('partner_applications_status_check', `status IN ('submitted', 'changes_requested', 'approved', 'rejected', 'withdrawn')`)
@Index('ux_partner_applications_open_applicant', ['applicantId'], { unique: true, where: `status IN ('submitted', 'changes_requested')` })
@Index('ux_partner_applications_open_namespace', ['namespace'], { unique: true, where: `status IN ('submitted', 'changes_requested')` })
@Index('ix_partner_applications_status_submitted_at', ['status', 'submittedAt'])
@Index('ix_partner_applications_applicant_id_created_at', ['applicantId', 'createdAt'])
export class PartnerApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicantId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'fk_partner_applications_applicant' })
  applicant?: User;

  @Column({ type: 'text' })
  organisationName: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text' })
  namespace: string;

  @Column({ type: 'text' })
  plan: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  links: string[];

  @Column({ type: 'text' })
  status: ApplicationStatus;

  /** The reviewer's last message (approval note, reasons for rejection, changes wanted); shown to the applicant. */
  @Column({ type: 'text', nullable: true })
  decisionMessage: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_partner_applications_decided_by' })
  decider?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The organisation created on approval. */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @ManyToOne(() => Partner, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_partner_applications_partner' })
  partner?: Partner;

  /** When it last went to the reviewers (first submission or resubmission): the queue's age. */
  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
