import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { REVIEW_STATUSES, type ReviewKind } from '../entities/plugin-review.entity.js';

export const REVIEW_KINDS: readonly ReviewKind[] = ['version', 'listing'];
/** `open` is the queue's default: submitted and in_review together. */
export const QUEUE_STATUSES = ['open', ...REVIEW_STATUSES] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, default: 'open', description: 'open = submitted and in_review' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES, { message: `status must be one of ${QUEUE_STATUSES.join(', ')}` })
  status?: QueueStatus;

  @ApiPropertyOptional({ enum: REVIEW_KINDS })
  @IsOptional()
  @IsIn(REVIEW_KINDS, { message: `kind must be one of ${REVIEW_KINDS.join(', ')}` })
  kind?: ReviewKind;

  @ApiPropertyOptional({ description: 'Part of the plugin name (namespace/plugin) or of the listing’s display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ReviewStatsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'Reviews decided in the last this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

export class ReviewIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a review id' })
  id: string;
}

export class ListingReviewsParams {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @MaxLength(39)
  namespace: string;

  @ApiProperty({ example: 'chat-notifier' })
  @IsString()
  @MaxLength(64)
  plugin: string;
}

export class ApproveReviewDto {
  @ApiPropertyOptional({ maxLength: 5000, description: 'A note for the partner' })
  @trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string;
}

export class ReviewMessageDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'Shown to the partner: the reasons, or the changes wanted' })
  @trimmed()
  @IsString()
  @Length(1, 5000, { message: 'message must be 1 to 5000 characters' })
  message: string;
}
