import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../platform/http/pagination.js';
import { OUTBOX_STATUSES, type OutboxStatus } from './outbox-email.entity.js';

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES, description: 'held: kept because no SMTP_URL is configured; failed: gave up after every retry' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
}

export class OutboxEmailView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: OutboxStatus;
  @ApiProperty({ description: 'Send attempts made so far' }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxEmailView] }) items: OutboxEmailView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
