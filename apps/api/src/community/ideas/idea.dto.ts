import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery } from '../../platform/http/pagination.js';
import { BodyField, ListingField, SEARCH_MAX_LENGTH, TextField, TitleField } from '../community-fields.js';
import { IDEA_STATUSES, type IdeaStatus } from '../entities/idea.entity.js';
import { IDEA_TARGET_STATUSES, type IdeaTargetStatus } from './idea-transitions.js';

export const IDEA_SORTS = ['votes', 'newest', 'updated'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export class CreateIdeaDto {
  @TitleField('Dark mode for the customer portal')
  title: string;

  @BodyField()
  body: string;

  @ListingField('The listing the idea is about (its partner may then move it); omit for ideas about Guild itself')
  listing?: string;
}

export class UpdateIdeaDto {
  @TitleField('Dark mode for the customer portal', { optional: true })
  title?: string;

  @BodyField({ optional: true })
  body?: string;
}

export class IdeaListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IDEA_STATUSES })
  @IsOptional()
  @IsIn(IDEA_STATUSES, { message: `status must be one of ${IDEA_STATUSES.join(', ')}` })
  status?: IdeaStatus;

  @ListingField('Only ideas about this listing')
  listing?: string;

  @ApiPropertyOptional({ maxLength: SEARCH_MAX_LENGTH, description: 'Full-text search of titles and bodies (web search syntax: "phrases", -word, or); longer text is cut' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/[\p{Cc}]/gu, ' ').trim().slice(0, SEARCH_MAX_LENGTH) || undefined : value,
  )
  @IsOptional()
  @IsString({ message: 'q must be text' })
  q?: string;

  @ApiPropertyOptional({ enum: IDEA_SORTS, default: 'votes', description: 'votes: most voted first; newest: latest submitted first; updated: latest status change (or submission) first' })
  @IsOptional()
  @IsIn(IDEA_SORTS, { message: `sort must be one of ${IDEA_SORTS.join(', ')}` })
  sort?: IdeaSort;
}

export class IdeaStatusDto {
  @ApiProperty({ enum: IDEA_TARGET_STATUSES })
  @IsIn(IDEA_TARGET_STATUSES, { message: `status must be one of ${IDEA_TARGET_STATUSES.join(', ')}` })
  status: IdeaTargetStatus;

  @TextField('note', 3, 2000, { description: 'Shown publicly with the change' })
  note: string;
}

export class IdeaCreditsDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20, description: 'Comments on this idea whose authors shaped it; replaces the previous set (an empty list removes every contributor)' })
  @IsArray({ message: 'commentIds must be a list' })
  @ArrayMaxSize(20, { message: 'commentIds may hold at most 20 comments' })
  @ArrayUnique({ message: 'commentIds must not repeat a comment' })
  @IsUUID('all', { each: true, message: 'each of commentIds must be a UUID' })
  commentIds: string[];
}
