import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../platform/http/pagination.js';
import { Access } from './access.decorator.js';
import { ApiTokenPage, CreateApiTokenDto, CreatedApiTokenView } from './api-token.dto.js';
import { ApiTokensService } from './api-tokens.service.js';
import { UpdateProfileDto } from './auth.dto.js';
import { CurrentCaller, type Caller } from './caller.js';
import { IdentityError } from './identity.errors.js';
import { UserView } from './user.view.js';
import { UsersService } from './users.service.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
  ) {}

  @Get()
  @Access.member('profile:read')
  @ApiOkResponse({ type: UserView })
  me(@CurrentCaller() caller: Caller): Promise<UserView> {
    return this.users.me(caller);
  }

  @Patch()
  @Access.member()
  @ApiOkResponse({ type: UserView })
  update(@CurrentCaller() caller: Caller, @Body() body: UpdateProfileDto): Promise<UserView> {
    return this.users.updateProfile(caller, body.displayName);
  }

  // Token management is for signed-in sessions only: a leaked token must not be able to mint more.
  @Post('tokens')
  @Access.member()
  @ApiCreatedResponse({ type: CreatedApiTokenView, description: 'The secret is in `token`, shown this once.' })
  createToken(@CurrentCaller() caller: Caller, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenView> {
    return this.tokens.create(caller, body);
  }

  @Get('tokens')
  @Access.member()
  @ApiOkResponse({ type: ApiTokenPage, description: 'Active tokens, newest first, without secrets.' })
  listTokens(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<ApiTokenPage> {
    return this.tokens.list(caller, query);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @Access.member()
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: 'TOKEN_NOT_FOUND (also for tokens of other users)' })
  revokeToken(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string): Promise<void> {
    return this.tokens.revoke(caller, id);
  }
}

function notFound() {
  return new IdentityError('TOKEN_NOT_FOUND', 'You have no active token with this id.');
}
