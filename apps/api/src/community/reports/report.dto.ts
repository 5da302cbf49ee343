import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { NO_CONTROL, TextField } from '../community-fields.js';
import { REPORT_REASONS, REPORT_STATUSES, REPORTED_CONTENT, type ReportedContent, type ReportReason, type ReportStatus } from '../entities/community-report.entity.js';

export const REPORT_ACTIONS = ['hide', 'dismiss'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Which content: a question, answer, comment or idea, by id. */
class ReportedContentDto {
  @ApiProperty({ enum: REPORTED_CONTENT })
  @IsIn(REPORTED_CONTENT, { message: `contentType must be one of ${REPORTED_CONTENT.join(', ')}` })
  contentType: ReportedContent;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'contentId must be a UUID' })
  contentId: string;
}

export class ReportContentDto extends ReportedContentDto {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS, { message: `reason must be one of ${REPORT_REASONS.join(', ')}` })
  reason: ReportReason;

  @ApiPropertyOptional({ maxLength: 500, description: 'What moderators should know (shown to them only)' })
  @trimmed()
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  @Matches(NO_CONTROL, { message: 'note must not contain control characters' })
  note?: string;
}

export class ReportQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(REPORT_STATUSES, { message: `status must be one of ${REPORT_STATUSES.join(', ')}` })
  status?: ReportStatus;
}

export class ResolveReportsDto extends ReportedContentDto {
  @ApiProperty({ enum: REPORT_ACTIONS, description: 'hide: hide the content (its points are taken back) and mark the reports actioned; dismiss: leave it as it is' })
  @IsIn(REPORT_ACTIONS, { message: `action must be one of ${REPORT_ACTIONS.join(', ')}` })
  action: ReportAction;

  @TextField('reason', 3, 500, { description: 'Why; for hide it is the hide reason its author sees' })
  reason: string;
}
