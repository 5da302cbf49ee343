import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';

export const REPORTED_CONTENT = ['question', 'answer', 'comment', 'idea'] as const;
export type ReportedContent = (typeof REPORTED_CONTENT)[number];
export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A member's report of a question, answer, comment or idea; moderators resolve all open reports on one content at once. */
@Entity('community_reports')
@Check('community_reports_content_type_check', `content_type IN ('question', 'answer', 'comment', 'idea')`)
@Check('community_reports_reason_check', `reason IN ('spam', 'abuse', 'off_topic', 'other')`)
@Check('community_reports_status_check', `status IN ('open', 'actioned', 'dismissed')`)
@Index('ux_community_reports_open_reporter', ['contentType', 'contentId', 'reporterId'], { unique: true, where: "status = 'open'" })
@Index('ix_community_reports_status_created_at', ['status', 'createdAt'])
@Index('ix_community_reports_content_type_content_id', ['contentType', 'contentId'])
export class CommunityReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  contentType: ReportedContent;

  @Column({ type: 'uuid' })
  contentId: string;

  @Column({ type: 'uuid' })
  reporterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'fk_community_reports_reporter' })
  reporter?: User;

  @Column({ type: 'text' })
  reason: ReportReason;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', default: 'open' })
  status: ReportStatus;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'fk_community_reports_resolved_by' })
  resolver?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
