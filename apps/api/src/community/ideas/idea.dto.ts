import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { IDEA_STATUSES, type IdeaStatus } from '../entities/idea.entity.js';
import { IDEA_TARGET_STATUSES, type IdeaTargetStatus } from './idea-transitions.js';

/** Titles are one line: no control characters (they also keep NUL out of PostgreSQL). */
const ONE_LINE = /^[^\p{Cc}]*$/u;
/** Bodies may hold newlines and tabs, nothing else below the space. */
const NO_CONTROL = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
/** `namespace/plugin`, as in the listing's routes. */
const LISTING_NAME = /^[a-z0-9][a-z0-9-]{0,99}\/[a-z0-9][a-z0-9-]{0,99}$/;
const SEARCH_LENGTH = 200;

export const IDEA_SORTS = ['votes', 'newest', 'updated'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

const whenSent = (property: string) => ValidateIf((object: Record<string, unknown>) => object[property] !== undefined);

export class CreateIdeaDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @trimmed()
  @IsString({ message: 'title must be text' })
  @Length(10, 200, { message: 'title must be 10 to 200 characters' })
  @Matches(ONE_LINE, { message: 'title must be one line of text' })
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'Markdown (raw HTML is not rendered)' })
  @trimmed()
  @IsString({ message: 'body must be text' })
  @Length(1, 20000, { message: 'body must be 1 to 20000 characters' })
  @Matches(NO_CONTROL, { message: 'body must not contain control characters' })
  body: string;

  @ApiPropertyOptional({ example: 'acme/slack-notifier', description: 'The listing the idea is about (its partner may then move it); omit for ideas about Guild itself' })
  @trimmed()
  @IsOptional()
  @IsString({ message: 'listing must be text' })
  @Matches(LISTING_NAME, { message: 'listing must be a listing name, namespace/plugin' })
  listing?: string;
}

export class UpdateIdeaDto {
  @ApiPropertyOptional({ minLength: 10, maxLength: 200 })
  @trimmed()
  @whenSent('title')
  @IsString({ message: 'title must be text' })
  @Length(10, 200, { message: 'title must be 10 to 200 characters' })
  @Matches(ONE_LINE, { message: 'title must be one line of text' })
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 20000, description: 'Markdown (raw HTML is not rendered)' })
  @trimmed()
  @whenSent('body')
  @IsString({ message: 'body must be text' })
  @Length(1, 20000, { message: 'body must be 1 to 20000 characters' })
  @Matches(NO_CONTROL, { message: 'body must not contain control characters' })
  body?: string;
}

export class IdeaListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IDEA_STATUSES })
  @IsOptional()
  @IsIn(IDEA_STATUSES, { message: `status must be one of ${IDEA_STATUSES.join(', ')}` })
  status?: IdeaStatus;

  @ApiPropertyOptional({ example: 'acme/slack-notifier', description: 'Only ideas about this listing' })
  @trimmed()
  @IsOptional()
  @IsString({ message: 'listing must be text' })
  @Matches(LISTING_NAME, { message: 'listing must be a listing name, namespace/plugin' })
  listing?: string;

  @ApiPropertyOptional({ maxLength: SEARCH_LENGTH, description: 'Full-text search of titles and bodies (web search syntax: "phrases", -word, or); longer text is cut' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/[\p{Cc}]/gu, ' ').trim().slice(0, SEARCH_LENGTH) || undefined : value,
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

  @ApiProperty({ minLength: 3, maxLength: 2000, description: 'Shown publicly with the change' })
  @trimmed()
  @IsString({ message: 'note must be text' })
  @Length(3, 2000, { message: 'note must be 3 to 2000 characters' })
  @Matches(NO_CONTROL, { message: 'note must not contain control characters' })
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
