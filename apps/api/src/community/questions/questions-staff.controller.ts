import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { ContentIdParams, HideContentDto } from '../moderation/moderation.dto.js';
import { QuestionModerationService } from './question-moderation.service.js';
import { AnswerView, QuestionView } from './question.view.js';

/** Moderators hide questions and answers with a reason (audited; their points are taken back) and show them again. */
@ApiTags('community')
@Controller('staff/community')
export class QuestionsStaffController {
  constructor(private readonly moderation: QuestionModerationService) {}

  @Post('questions/:id/hide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: QuestionView, description: 'Hidden with its answers: only its author and moderators see it; the points it earned are taken back.' })
  @ApiNotFoundResponse({ description: 'QUESTION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: already hidden' })
  hideQuestion(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: HideContentDto): Promise<QuestionView> {
    return this.moderation.question(caller, params.id, { reason: body.reason });
  }

  @Post('questions/:id/unhide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: QuestionView, description: 'Shown again; its points (and its visible answers’) are awarded again.' })
  @ApiNotFoundResponse({ description: 'QUESTION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: not hidden' })
  unhideQuestion(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<QuestionView> {
    return this.moderation.question(caller, params.id, null);
  }

  @Post('answers/:id/hide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: AnswerView, description: 'Hidden: only its author and moderators see it; the points it earned are taken back.' })
  @ApiNotFoundResponse({ description: 'ANSWER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: already hidden' })
  hideAnswer(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: HideContentDto): Promise<AnswerView> {
    return this.moderation.answer(caller, params.id, { reason: body.reason });
  }

  @Post('answers/:id/unhide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: AnswerView, description: 'Shown again; its points are awarded again (unless its question is hidden).' })
  @ApiNotFoundResponse({ description: 'ANSWER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: not hidden' })
  unhideAnswer(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<AnswerView> {
    return this.moderation.answer(caller, params.id, null);
  }
}
