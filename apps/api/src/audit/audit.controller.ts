import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { AuditPageDto, AuditQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('staff')
@Controller('staff/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access.staff('admin')
  @ApiOkResponse({ type: AuditPageDto, description: 'Newest first; filter by action, actor, target and time.' })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
