import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { OutboxPage, OutboxQuery } from './outbox.dto.js';
import { OutboxService } from './outbox.service.js';

@ApiTags('staff')
@Controller('staff/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Access.staff('admin')
  @ApiOkResponse({ type: OutboxPage, description: 'Emails, newest first; without SMTP_URL they are all held here and never sent.' })
  list(@Query() query: OutboxQuery): Promise<OutboxPage> {
    return this.outbox.list(query);
  }
}
