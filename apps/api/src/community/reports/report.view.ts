import { ApiProperty } from '@nestjs/swagger';
import { REPORT_REASONS, REPORT_STATUSES, REPORTED_CONTENT, type ReportedContent, type ReportReason, type ReportStatus } from '../entities/community-report.entity.js';
import { HiddenView } from '../moderation/hidden.view.js';
import { MemberRefView } from '../people/member-ref.view.js';

/** A member's report, as its reporter sees it. */
export class ReportView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REPORTED_CONTENT })
  contentType: ReportedContent;

  @ApiProperty({ format: 'uuid' })
  contentId: string;

  @ApiProperty({ enum: REPORT_REASONS })
  reason: ReportReason;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ enum: REPORT_STATUSES, description: 'open until a moderator acts on it (actioned: the content was hidden) or dismisses it' })
  status: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  resolvedAt: string | null;
}

export class ReportReasonCountView {
  @ApiProperty({ enum: REPORT_REASONS })
  reason: ReportReason;

  @ApiProperty()
  count: number;
}

/** What was reported, as moderators see it (hidden content included). */
export class ReportedContentView {
  @ApiProperty({ nullable: true, type: String, description: 'The question’s or idea’s title; for an answer its question’s title; null for a comment' })
  title: string | null;

  @ApiProperty({ description: 'The start of its text, as plain text' })
  excerpt: string;

  @ApiProperty({ type: MemberRefView })
  author: MemberRefView;

  @ApiProperty({ nullable: true, type: String, description: 'Portal page that shows it; null when it no longer exists' })
  link: string | null;

  @ApiProperty({ type: HiddenView, nullable: true, description: 'Set when a moderator hid it' })
  hidden: HiddenView | null;
}

/** One reported content in the queue, with all its reports of the listed status. */
export class ReportQueueItemView {
  @ApiProperty({ enum: REPORTED_CONTENT })
  contentType: ReportedContent;

  @ApiProperty({ format: 'uuid' })
  contentId: string;

  @ApiProperty({ description: 'Reports of the listed status on this content' })
  reportCount: number;

  @ApiProperty({ type: [ReportReasonCountView], description: 'Most given first' })
  reasons: ReportReasonCountView[];

  @ApiProperty({ type: [String], description: 'Reporters’ notes, newest first (at most 5)' })
  notes: string[];

  @ApiProperty({ format: 'date-time' })
  firstReportedAt: string;

  @ApiProperty({ format: 'date-time' })
  lastReportedAt: string;

  @ApiProperty({ type: ReportedContentView })
  content: ReportedContentView;
}

export class ReportQueuePage {
  @ApiProperty({ type: [ReportQueueItemView] })
  items: ReportQueueItemView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ReportsResolvedView {
  @ApiProperty({ enum: REPORTED_CONTENT })
  contentType: ReportedContent;

  @ApiProperty({ format: 'uuid' })
  contentId: string;

  @ApiProperty({ enum: ['actioned', 'dismissed'] })
  status: 'actioned' | 'dismissed';

  @ApiProperty({ description: 'How many open reports this resolved' })
  resolved: number;

  @ApiProperty({ description: 'Whether the content is hidden now' })
  hidden: boolean;
}
