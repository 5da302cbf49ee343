import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { StripeEventDetailDto, StripeEventDto, StripeEventPageDto, StripeEventParams, StripeEventQuery } from './stripe-events.dto.js';
import { StripeEventsService } from './stripe-events.service.js';

@ApiTags('staff')
@Controller('staff/stripe/events')
export class StripeStaffController {
  constructor(private readonly events: StripeEventsService) {}

  @Get()
  @Access.staff('finance', 'admin')
  @ApiOkResponse({ type: StripeEventPageDto, description: 'Received Stripe events, newest first; `status=failed` lists those that gave up after every retry.' })
  list(@Query() query: StripeEventQuery) {
    return this.events.list(query);
  }

  @Get(':id')
  @Access.staff('finance', 'admin')
  @ApiOkResponse({ type: StripeEventDetailDto })
  @ApiNotFoundResponse({ description: 'STRIPE_EVENT_NOT_FOUND' })
  get(@Param() params: StripeEventParams) {
    return this.events.get(params.id);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Access.staff('finance', 'admin')
  @ApiOkResponse({ type: StripeEventDto, description: 'The event is queued for processing again (audited).' })
  @ApiNotFoundResponse({ description: 'STRIPE_EVENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STRIPE_EVENT_ALREADY_PROCESSED' })
  replay(@CurrentCaller() caller: Caller, @Param() params: StripeEventParams) {
    return this.events.replay(caller, params.id);
  }
}
