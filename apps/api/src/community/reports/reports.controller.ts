import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { ReportContentDto, ReportQueueQuery, ResolveReportsDto } from './report.dto.js';
import { ReportQueuePage, ReportsResolvedView, ReportView } from './report.view.js';
import { ReportsService } from './reports.service.js';

/** Members report content; moderators work the queue of reported content. */
@ApiTags('community')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('community/reports')
  @Access.member()
  @ApiCreatedResponse({ type: ReportView, description: 'Reported: moderators see it in their queue.' })
  @ApiOkResponse({ type: ReportView, description: 'The caller already has an open report on this content: that one, unchanged' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'REPORT_OWN_CONTENT' })
  @ApiNotFoundResponse({ description: 'QUESTION_NOT_FOUND, ANSWER_NOT_FOUND, COMMENT_NOT_FOUND, IDEA_NOT_FOUND (also content the caller cannot see)' })
  async report(@CurrentCaller() caller: Caller, @Body() body: ReportContentDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportView> {
    const result = await this.reports.report(caller, body);
    if (!result.created) void reply.status(200);
    return result.report;
  }

  @Get('staff/community/reports')
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: ReportQueuePage, description: 'One row per reported content with its reports of `status` (default open), the longest waiting first.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_CURSOR' })
  queue(@CurrentCaller() caller: Caller, @Query() query: ReportQueueQuery): Promise<ReportQueuePage> {
    return this.reports.queue(caller, query);
  }

  @Post('staff/community/reports/resolve')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: ReportsResolvedView, description: 'Every open report on the content resolved: hide hides it (unless it already is; points are taken back) and tells the reporters; dismiss leaves it.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND: no open report on this content' })
  resolve(@CurrentCaller() caller: Caller, @Body() body: ResolveReportsDto): Promise<ReportsResolvedView> {
    return this.reports.resolve(caller, body);
  }
}
