import { Controller, Delete, Get, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { ListingParams } from '../listings/listing.dto.js';
import { ListingView } from '../listings/listing.view.js';
import { MediaParams, ScreenshotParams } from './media.dto.js';
import { ListingMediaService } from './listing-media.service.js';

const MANAGED = 'PARTNER_ACCESS_DENIED, PARTNER_ROLE_REQUIRED (owner or developer)';
const REFUSED = 'MEDIA_INVALID: not a PNG, JPEG or WebP by its bytes (GIF, SVG, HTML, bytes appended, …), or outside the dimensions (details.problem)';
const fileBody = (extra: Record<string, object> = {}) =>
  ApiBody({ schema: { type: 'object', required: ['file'], properties: { ...extra, file: { type: 'string', format: 'binary' } } } });

@ApiTags('plugins')
@Controller()
export class ListingMediaController {
  constructor(private readonly media: ListingMediaService) {}

  @Put('plugins/:namespace/:plugin/icon')
  @Access.member()
  @ApiConsumes('multipart/form-data')
  @fileBody()
  @ApiOkResponse({ type: ListingView, description: 'PNG, JPEG or WebP, at most 256 KB, square, 64 to 1024 px; replaces the draft’s icon.' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  @ApiPayloadTooLargeResponse({ description: 'MEDIA_TOO_LARGE' })
  setIcon(@CurrentCaller() caller: Caller, @Param() params: ListingParams, @Req() request: FastifyRequest): Promise<ListingView> {
    return this.media.setIcon(caller, params.namespace, params.plugin, request);
  }

  @Post('plugins/:namespace/:plugin/screenshots')
  @Access.member()
  @ApiConsumes('multipart/form-data')
  @fileBody({ caption: { type: 'string', maxLength: 140, description: 'Send it before the file' } })
  @ApiCreatedResponse({ type: ListingView, description: 'PNG, JPEG or WebP, at most 2 MB, 320 to 3840 px wide and 200 to 2160 px high; added at the end of the draft’s screenshots.' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiConflictResponse({ description: 'MEDIA_LIMIT: the draft already has 8' })
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  @ApiPayloadTooLargeResponse({ description: 'MEDIA_TOO_LARGE' })
  addScreenshot(@CurrentCaller() caller: Caller, @Param() params: ListingParams, @Req() request: FastifyRequest): Promise<ListingView> {
    return this.media.addScreenshot(caller, params.namespace, params.plugin, request);
  }

  @Delete('plugins/:namespace/:plugin/screenshots/:sha256')
  @Access.member()
  @ApiOkResponse({ type: ListingView, description: 'Removes it from the draft (the public copy changes only through review).' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND, MEDIA_NOT_FOUND' })
  removeScreenshot(@CurrentCaller() caller: Caller, @Param() params: ScreenshotParams): Promise<ListingView> {
    return this.media.removeScreenshot(caller, params.namespace, params.plugin, params.sha256);
  }

  @Get('plugin-media/:sha256')
  @Access.public()
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The image, cacheable forever (its name is its content’s hash).' })
  @ApiNotFoundResponse({ description: 'MEDIA_NOT_FOUND: no listing shows it' })
  async read(@Param() params: MediaParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { data, contentType } = await this.media.read(params.sha256);
    // The bytes are the partner's: never let a browser read them as anything but this image, nor run anything in them.
    void reply.headers({
      'content-type': contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${params.sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'cross-origin',
    });
    return data;
  }
}
