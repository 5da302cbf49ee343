import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { VersionLifecycleService } from './version-lifecycle.service.js';
import { VersionParams, YankVersionDto } from './version.dto.js';
import { VersionView } from './version.view.js';

@ApiTags('staff')
@Controller('staff/plugins/:namespace/:plugin/versions/:version')
export class StaffVersionsController {
  constructor(private readonly lifecycle: VersionLifecycleService) {}

  @Post('yank')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: VersionView, description: "A security yank: the partner cannot undo it; its owner and developers are notified with the reason. Also turns the partner's own yank into a staff yank." })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND, VERSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'VERSION_STATE: not published, or already yanked by staff' })
  yank(@CurrentCaller() caller: Caller, @Param() params: VersionParams, @Body() body: YankVersionDto): Promise<VersionView> {
    return this.lifecycle.staffYank(caller, params.namespace, params.plugin, params.version, body.reason);
  }

  @Post('unyank')
  @HttpCode(200)
  @Access.staff('reviewer', 'admin')
  @ApiOkResponse({ type: VersionView, description: 'Undoes any yank (staff or partner); the partner is notified.' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND, VERSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'VERSION_STATE: not yanked' })
  unyank(@CurrentCaller() caller: Caller, @Param() params: VersionParams): Promise<VersionView> {
    return this.lifecycle.staffUnyank(caller, params.namespace, params.plugin, params.version);
  }
}
