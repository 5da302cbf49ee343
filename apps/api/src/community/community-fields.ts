import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { trimmed } from '../partners/partners.dto.js';

// The input rules every community form shares: one-line titles, Markdown bodies, reasons and notes,
// listing names, search text. Control characters are refused (PostgreSQL refuses NUL outright);
// bodies keep newlines and tabs.

const ONE_LINE = /^[^\p{Cc}]*$/u;
export const NO_CONTROL = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
/** `namespace/plugin`, as in the listing's routes. */
const LISTING_NAME = /^[a-z0-9][a-z0-9-]{0,99}\/[a-z0-9][a-z0-9-]{0,99}$/;
export const SEARCH_MAX_LENGTH = 200;

/**
 * A text field of `min`–`max` characters, trimmed, without control characters. `optional`: the
 * field may be left out (edits change only what they send); sent, even as null, it is validated.
 */
export function TextField(name: string, min: number, max: number, api: ApiPropertyOptions = {}, options: { optional?: boolean; oneLine?: boolean } = {}) {
  const doc = { minLength: min, maxLength: max, ...api } as ApiPropertyOptions;
  return applyDecorators(
    options.optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    trimmed(),
    ...(options.optional ? [ValidateIf((object: Record<string, unknown>) => object[name] !== undefined)] : []),
    IsString({ message: `${name} must be text` }),
    Length(min, max, { message: `${name} must be ${min} to ${max} characters` }),
    options.oneLine ? Matches(ONE_LINE, { message: `${name} must be one line of text` }) : Matches(NO_CONTROL, { message: `${name} must not contain control characters` }),
  );
}

const MARKDOWN = { description: 'Markdown (raw HTML is not rendered)' };

/** Titles of questions and ideas. */
export const TitleField = (example: string, options: { optional?: boolean } = {}) => TextField('title', 10, 200, { example }, { ...options, oneLine: true });
/** Markdown bodies of questions, ideas and answers. */
export const BodyField = (options: { optional?: boolean } = {}) => TextField('body', 1, 20000, MARKDOWN, options);
/** Comments: short Markdown. */
export const CommentBodyField = () => TextField('body', 1, 2000, MARKDOWN);

/** An optional `namespace/plugin` (what the content is about, or a filter). */
export const ListingField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: 'acme/slack-notifier', description }),
    trimmed(),
    IsOptional(),
    IsString({ message: 'listing must be text' }),
    Matches(LISTING_NAME, { message: 'listing must be a listing name, namespace/plugin' }),
  );

/** Search text as typed: control characters read as spaces; blank means no search. */
export const searchText = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\p{Cc}/gu, ' ').trim() || undefined : value));
