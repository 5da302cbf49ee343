import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../platform/http/pagination.js';
import { BodyField, ListingField, searchText, SEARCH_MAX_LENGTH, TitleField } from '../community-fields.js';

export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/;
export const MAX_TAGS = 5;

export const QUESTION_SORTS = ['newest', 'active', 'unanswered'] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];

const whenSent = (property: string) => ValidateIf((object: Record<string, unknown>) => object[property] !== undefined);
/** Tags as people type them: trimmed, lower-cased, duplicates dropped (the pattern then checks each). */
const normalisedTags = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? [...new Set((value as unknown[]).map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)))] : value,
  );

/** Tags, shared by asking and editing (an edit validates only the fields sent). */
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
export class AskQuestionDto {
  @TitleField('How do I send a Slack message only for paid orders?')
  title: string;

  @BodyField()
  body: string;

  @TagsField(IsOptional())
  tags?: string[];

  @ListingField('The listing the question is about (its partner’s answers are marked)')
  listing?: string;
}

/** Only the fields sent change. */
export class EditQuestionDto {
  @TitleField('How do I send a Slack message only for paid orders?', { optional: true })
  title?: string;

  @BodyField({ optional: true })
  body?: string;

  @TagsField(whenSent('tags'))
  tags?: string[];
}

export class QuestionListQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: SEARCH_MAX_LENGTH, description: 'Full-text search of titles and bodies (web search syntax: "a phrase", -word, or); best match first' })
  @searchText()
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

  @ListingField('Only questions about this listing')
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
