import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { CURRENT_POLICY } from '../contributions/contribution-policy.js';
import { LEADERBOARD_WINDOWS, type LeaderboardWindow } from './credit-queries.js';

export const STAFF_AWARD_MAX = CURRENT_POLICY.rules.staff_award.points;

export class LeaderboardQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LEADERBOARD_WINDOWS, default: '30d' })
  @IsOptional()
  @IsIn(LEADERBOARD_WINDOWS, { message: `window must be one of ${LEADERBOARD_WINDOWS.join(', ')}` })
  window?: LeaderboardWindow;
}

export class MemberIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class AdvocateUserParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class StaffAwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ minimum: 1, maximum: STAFF_AWARD_MAX })
  @IsInt({ message: 'points must be a whole number' })
  @Min(1, { message: `points must be 1 to ${STAFF_AWARD_MAX}` })
  @Max(STAFF_AWARD_MAX, { message: `points must be 1 to ${STAFF_AWARD_MAX}` })
  points: number;

  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Why: shown on the member’s contributions' })
  @trimmed()
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'A prize that goes with it (e.g. "Conference ticket")' })
  @trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'prize must be at most 200 characters' })
  prize?: string;
}

export class AdvocatesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 730, default: 90, description: 'Window in days (today included)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be 1 to 730' })
  @Max(730, { message: 'days must be 1 to 730' })
  days?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1 to 100' })
  @Max(100, { message: 'limit must be 1 to 100' })
  limit?: number;
}

export class InviteAdvocateDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'A personal note shown to the member' })
  @trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'message must be at most 2000 characters' })
  message?: string;
}
