import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';

/** Bodies may hold newlines and tabs, no other control characters (PostgreSQL refuses NUL outright). */
const NO_CONTROL = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

export class ContentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class HideContentDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Why it was hidden: shown to its author and to moderators' })
  @trimmed()
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  @Matches(NO_CONTROL, { message: 'reason must not contain control characters' })
  reason: string;
}

/** Markdown bodies of answers and comments. */
export class BodyDto {
  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'Markdown (raw HTML is not rendered)' })
  @trimmed()
  @IsString()
  @Length(1, 20000, { message: 'body must be 1 to 20000 characters' })
  @Matches(NO_CONTROL, { message: 'body must not contain control characters' })
  body: string;
}

export class CommentBodyDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Markdown (raw HTML is not rendered)' })
  @trimmed()
  @IsString()
  @Length(1, 2000, { message: 'body must be 1 to 2000 characters' })
  @Matches(NO_CONTROL, { message: 'body must not contain control characters' })
  body: string;
}
