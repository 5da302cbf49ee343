import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from './access.decorator.js';
import { CurrentCaller, type Caller } from './caller.js';
import { StaffRoleParams, StaffUserPage, StaffUsersQuery, UserIdParams } from './staff-users.dto.js';
import { StaffUserView } from './user.view.js';
import { UsersService } from './users.service.js';

@ApiTags('staff')
@Controller('staff/users')
export class StaffUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access.staff('admin')
  @ApiOkResponse({ type: StaffUserPage, description: 'Search by email or name, filter by staff role.' })
  list(@Query() query: StaffUsersQuery): Promise<StaffUserPage> {
    return this.users.list(query);
  }

  @Get(':id')
  @Access.staff('admin')
  @ApiOkResponse({ type: StaffUserView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  get(@Param() params: UserIdParams): Promise<StaffUserView> {
    return this.users.getForStaff(params.id);
  }

  @Put(':id/roles/:role')
  @Access.staff('admin')
  @ApiOkResponse({ type: StaffUserView, description: 'Granted (idempotent: granting a held role changes nothing).' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  grant(@CurrentCaller() caller: Caller, @Param() params: StaffRoleParams): Promise<StaffUserView> {
    return this.users.setStaffRole(caller, params.id, params.role, true);
  }

  @Delete(':id/roles/:role')
  @Access.staff('admin')
  @ApiOkResponse({ type: StaffUserView, description: 'Removed (idempotent).' })
  @ApiConflictResponse({ description: 'LAST_ADMIN: the only admin cannot lose the role' })
  remove(@CurrentCaller() caller: Caller, @Param() params: StaffRoleParams): Promise<StaffUserView> {
    return this.users.setStaffRole(caller, params.id, params.role, false);
  }
}
