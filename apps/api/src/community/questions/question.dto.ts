import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';
import { PageQuery } from '../../platform/http/pagination.js';

/** Titles are one line: no control characters (which also keeps NUL, which PostgreSQL refuses, out). */
const ONE_LINE = /^[^\p{Cc}]*$/u;
/** Bodies may hold newlines and tabs, nothing else below the space. */
const NO_CONTROL = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
/** `namespace/plugin`, as in the listing's routes. */
const LISTING_NAME = /^[a-z0-9][a-z0-9-]{0,99}\/[a-z0-9][a-z0-9-]{0,99}$/;
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/;
export const MAX_TAGS = 5;
export const SEARCH_MAX_LENGTH = 200;

export const QUESTION_SORTS = ['newest', 'active', 'unanswered'] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];

const whenSent = (property: string) => ValidateIf((object: Record<string, unknown>) => object[property] !== undefined);
/** Tags as people type them: trimmed, lower-cased, duplicates dropped (the pattern then checks each). */
const normalisedTags = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? [...new Set((value as unknown[]).map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)))] : value,
  );

/** The title, body and tags rules, shared by asking and editing (an edit validates only the fields sent). */
const TitleField = (sent?: PropertyDecorator) =>
  applyDecorators(
    sent ? ApiPropertyOptional(TITLE) : ApiProperty(TITLE),
    trimmed(),
    ...(sent ? [sent] : []),
    IsString({ message: 'title must be text' }),
    Length(10, 200, { message: 'title must be 10 to 200 characters' }),
    Matches(ONE_LINE, { message: 'title must be one line of text' }),
  );
const BodyField = (sent?: PropertyDecorator) =>
  applyDecorators(
    sent ? ApiPropertyOptional(BODY) : ApiProperty(BODY),
    trimmed(),
    ...(sent ? [sent] : []),
    IsString({ message: 'body must be text' }),
    Length(1, 20000, { message: 'body must be 1 to 20000 characters' }),
    Matches(NO_CONTROL, { message: 'body must not contain control characters' }),
  );
const TagsField = (optional: PropertyDecorator) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, example: ['slack', 'webhooks'], description: `Up to ${MAX_TAGS}; lower-cased, duplicates dropped; each ${TAG_PATTERN.source}` }),
    normalisedTags(),
    optional,
    IsArray({ message: 'tags must be a list' }),
    ArrayMaxSize(MAX_TAGS, { message: `tags may hold at most ${MAX_TAGS} tags` }),
    IsString({ each: true, message: 'each tag must be text' }),
    Matches(TAG_PATTERN, { each: true, message: 'each tag must be 1 to 30 lower-case letters, digits or hyphens, starting with a letter or digit' }),
  );
const TITLE = { minLength: 10, maxLength: 200, example: 'How do I send a Slack message only for paid orders?' };
const BODY = { minLength: 1, maxLength: 20000, description: 'Markdown (raw HTML is not rendered)' };

export class AskQuestionDto {
  @TitleField()
  title: string;

  @BodyField()
  body: string;

  @TagsField(IsOptional())
  tags?: string[];

  @ApiPropertyOptional({ example: 'acme/slack-notifier', description: 'The listing the question is about (its partner’s answers are marked)' })
  @trimmed()
  @IsOptional()
  @IsString({ message: 'listing must be text' })
  @Matches(LISTING_NAME, { message: 'listing must be a listing name, namespace/plugin' })
  listing?: string;
}

/** Only the fields sent change. */
export class EditQuestionDto {
  @TitleField(whenSent('title'))
  title?: string;

  @BodyField(whenSent('body'))
  body?: string;

  @TagsField(whenSent('tags'))
  tags?: string[];
}

export class QuestionListQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: SEARCH_MAX_LENGTH, description: 'Full-text search of titles and bodies (web search syntax: "a phrase", -word, or); best match first' })
  // Control characters (NUL among them, which PostgreSQL refuses) read as spaces.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\p{Cc}/gu, ' ').trim() || undefined : value))
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @MaxLength(SEARCH_MAX_LENGTH, { message: `q must be at most ${SEARCH_MAX_LENGTH} characters` })
  q?: string;

  @ApiPropertyOptional({ example: 'webhooks', description: 'Only questions carrying this tag' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsOptional()
  @IsString({ message: 'tag must be text' })
  @Matches(TAG_PATTERN, { message: 'tag must be 1 to 30 lower-case letters, digits or hyphens' })
  tag?: string;

  @ApiPropertyOptional({ example: 'acme/slack-notifier', description: 'Only questions about this listing' })
  @trimmed()
  @IsOptional()
  @IsString({ message: 'listing must be text' })
  @Matches(LISTING_NAME, { message: 'listing must be a listing name, namespace/plugin' })
  listing?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only questions asked by this member' })
  @IsOptional()
  @IsUUID('all', { message: 'author must be a UUID' })
  author?: string;

  @ApiPropertyOptional({ enum: QUESTION_SORTS, default: 'newest', description: 'newest; active (latest answer, comment or acceptance first); unanswered (no answers yet, newest first). With q, best match first.' })
  @IsOptional()
  @IsIn(QUESTION_SORTS, { message: `sort must be one of ${QUESTION_SORTS.join(', ')}` })
  sort?: QuestionSort;
}
