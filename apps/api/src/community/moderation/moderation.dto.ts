import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { BodyField, CommentBodyField, TextField } from '../community-fields.js';

export class ContentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class HideContentDto {
  @TextField('reason', 3, 500, { description: 'Why it was hidden: shown to its author and to moderators' })
  reason: string;
}

/** Markdown bodies of answers. */
export class BodyDto {
  @BodyField()
  body: string;
}

export class CommentBodyDto {
  @CommentBodyField()
  body: string;
}
