import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Access } from '../../identity/access.decorator.js';
import { MAX_MARKDOWN_LENGTH, renderMarkdown } from '../../platform/markdown/markdown.js';
import { MarkdownPreviewView } from './listing.view.js';

export class MarkdownPreviewDto {
  @ApiProperty({ maxLength: MAX_MARKDOWN_LENGTH })
  @IsString()
  @MaxLength(MAX_MARKDOWN_LENGTH, { message: `markdown must be at most ${MAX_MARKDOWN_LENGTH} characters` })
  markdown: string;
}

/** The editor's preview: the very renderer and sanitiser the listing page's description goes through. */
@ApiTags('plugins')
@Controller('markdown')
export class MarkdownPreviewController {
  @Post('preview')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: MarkdownPreviewView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (too long)' })
  preview(@Body() body: MarkdownPreviewDto): MarkdownPreviewView {
    return { html: renderMarkdown(body.markdown) };
  }
}
