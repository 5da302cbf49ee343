import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
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
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { VersionLifecycleService } from './version-lifecycle.service.js';
import { VersionUploadService } from './version-upload.service.js';
import { DeprecateVersionDto, VersionListingParams, VersionPageQuery, VersionParams, YankVersionDto } from './version.dto.js';
import { VersionPage, VersionView } from './version.view.js';
import { VersionsService } from './versions.service.js';

const NOT_FOUND = 'LISTING_NOT_FOUND, VERSION_NOT_FOUND (also for versions the caller may not see)';
const MANAGED = 'PARTNER_ACCESS_DENIED, PARTNER_ROLE_REQUIRED (owner or developer)';
const REFUSED =
  'The package was refused: the code is its first issue\'s (PACKAGE_PATH_TRAVERSAL, PACKAGE_LINK, MANIFEST_SCHEMA, PERMISSION_INVALID, ENTRY_LOAD_FAILED, ENTRY_EXPORT_UNDECLARED, ...), details.issues lists every issue; ' +
  'also NAMESPACE_MISMATCH, PLUGIN_NAME_MISMATCH, LISTING_INCOMPLETE (details.fields)';

@ApiTags('plugins')
@Controller('plugins/:namespace/:plugin/versions')
export class VersionsController {
  constructor(
    private readonly uploads: VersionUploadService,
    private readonly versions: VersionsService,
    private readonly lifecycle: VersionLifecycleService,
  ) {}

  @Post()
  @Access.member('plugins:publish')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['package'], properties: { package: { type: 'string', format: 'binary', description: 'The .tgz, e.g. from guild-plugin pack' } } } })
  @ApiCreatedResponse({ type: VersionView, description: 'Validated, stored and waiting for review. 200 with the existing version when the same package was already uploaded as this version (a retried upload).' })
  @ApiOkResponse({ type: VersionView, description: 'The same package (same sha256) was already uploaded as this version: nothing changed' })
  @ApiForbiddenResponse({ description: `${MANAGED}; TOKEN_SCOPE_MISSING (a token needs plugins:publish)` })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND, LISTING_NOT_FOUND' })
  @ApiConflictResponse({ description: 'VERSION_EXISTS (other content), VERSION_NOT_GREATER (details.highest), PARTNER_SUSPENDED' })
  @ApiPayloadTooLargeResponse({ description: 'PACKAGE_TOO_LARGE (over 5 MiB)' })
  @ApiUnprocessableEntityResponse({ description: REFUSED })
  async upload(
    @CurrentCaller() caller: Caller,
    @Param() params: VersionListingParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VersionView> {
    const result = await this.uploads.upload(caller, params.namespace, params.plugin, request);
    if (!result.created) void reply.status(200);
    return result.version;
  }

  @Get()
  @Access.public({ identify: true })
  @ApiOkResponse({ type: VersionPage, description: 'Newest first. The public sees published versions of public listings; members of the partner and reviewer/admin staff see all.' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND (also a draft listing, for the public)' })
  list(@OptionalCaller() caller: Caller | null, @Param() params: VersionListingParams, @Query() query: VersionPageQuery): Promise<VersionPage> {
    return this.versions.list(caller, params.namespace, params.plugin, query);
  }

  @Get(':version')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: VersionView, description: 'report, review and uploadedBy are null for the public' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@OptionalCaller() caller: Caller | null, @Param() params: VersionParams): Promise<VersionView> {
    return this.versions.get(caller, params.namespace, params.plugin, params.version);
  }

  @Get(':version/package')
  @Access.member('plugins:publish')
  @ApiProduces('application/gzip')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'The .tgz (ETag: its sha256). For members of the partner and reviewer/admin staff; for any member, a published, not yanked version of a free listing.',
  })
  @ApiForbiddenResponse({ description: 'DOWNLOAD_FORBIDDEN (yanked, or a paid listing); TOKEN_SCOPE_MISSING' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async download(
    @CurrentCaller() caller: Caller,
    @Param() params: VersionParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const download = await this.versions.download(caller, params.namespace, params.plugin, params.version);
    const etag = `"${download.sha256}"`;
    void reply.header('ETag', etag);
    void reply.header('Repr-Digest', `sha-256=:${Buffer.from(download.sha256, 'hex').toString('base64')}:`);
    void reply.header('X-Content-Type-Options', 'nosniff');
    // Private: access depends on the caller; no-cache: a yank must be seen on the next request.
    void reply.header('Cache-Control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) {
      void reply.status(304);
      return undefined;
    }
    const data = await download.read();
    return new StreamableFile(data, { type: 'application/gzip', disposition: `attachment; filename="${download.filename}"`, length: data.length });
  }

  @Post(':version/withdraw')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: VersionView, description: 'Out of the review queue; its version number stays used' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'VERSION_STATE: only a version waiting for review (or in review) can be withdrawn' })
  withdraw(@CurrentCaller() caller: Caller, @Param() params: VersionParams): Promise<VersionView> {
    return this.lifecycle.withdraw(caller, params.namespace, params.plugin, params.version);
  }

  @Post(':version/deprecate')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: VersionView, description: 'Still installable, with the message shown' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'VERSION_STATE: not published, or already deprecated' })
  deprecate(@CurrentCaller() caller: Caller, @Param() params: VersionParams, @Body() body: DeprecateVersionDto): Promise<VersionView> {
    return this.lifecycle.deprecate(caller, params.namespace, params.plugin, params.version, body.message);
  }

  @Post(':version/undeprecate')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: VersionView })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'VERSION_STATE: not deprecated' })
  undeprecate(@CurrentCaller() caller: Caller, @Param() params: VersionParams): Promise<VersionView> {
    return this.lifecycle.undeprecate(caller, params.namespace, params.plugin, params.version);
  }

  @Post(':version/yank')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: VersionView, description: 'No new installs; existing installs keep running and are told to upgrade' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'VERSION_STATE: not published, or already yanked' })
  yank(@CurrentCaller() caller: Caller, @Param() params: VersionParams, @Body() body: YankVersionDto): Promise<VersionView> {
    return this.lifecycle.yank(caller, params.namespace, params.plugin, params.version, body.reason);
  }

  @Post(':version/unyank')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: VersionView })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'VERSION_STATE: not yanked, or yanked by Guild staff (only staff undo that)' })
  unyank(@CurrentCaller() caller: Caller, @Param() params: VersionParams): Promise<VersionView> {
    return this.lifecycle.unyank(caller, params.namespace, params.plugin, params.version);
  }
}
