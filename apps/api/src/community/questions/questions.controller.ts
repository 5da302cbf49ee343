import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { CommentView } from '../comments/comment.view.js';
import { BodyDto, CommentBodyDto, ContentIdParams } from '../moderation/moderation.dto.js';
import { RevisionView } from '../revisions/revision.view.js';
import { AnswersService } from './answers.service.js';
import { AskQuestionDto, EditQuestionDto, QuestionListQuery } from './question.dto.js';
import { QuestionListService } from './question-list.service.js';
import { AnswerView, QuestionPage, QuestionView, TagCountView } from './question.view.js';
import { QuestionsService } from './questions.service.js';

const HIDDEN_404 = 'QUESTION_NOT_FOUND (also for a hidden question, to anyone but its author and moderators)';

/** Questions: the list and search, asking, reading, editing, answering and commenting. */
@ApiTags('community')
@Controller('community/questions')
export class QuestionsController {
  constructor(
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly list: QuestionListService,
  ) {}

  @Get()
  @Access.public({ identify: true })
  @ApiOkResponse({ type: QuestionPage, description: 'Newest first, most recently active first, or unanswered only; with q, best match first.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (q longer than 200 characters, a bad tag or listing name), INVALID_CURSOR' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND: no listing you can see has this name' })
  page(@OptionalCaller() caller: Caller | null, @Query() query: QuestionListQuery): Promise<QuestionPage> {
    return this.list.list(caller, query);
  }

  @Get('tags')
  @Access.public()
  @ApiOkResponse({ type: [TagCountView], description: 'The 50 tags most used on visible questions, most used first.' })
  tags(): Promise<TagCountView[]> {
    return this.list.tags();
  }

  @Post()
  @Access.member()
  @ApiCreatedResponse({ type: QuestionView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (title 10–200, body 1–20000, at most 5 tags)' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND: no listing you can see has this name' })
  ask(@CurrentCaller() caller: Caller, @Body() body: AskQuestionDto): Promise<QuestionView> {
    return this.questions.ask(caller, body);
  }

  @Get(':id')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: QuestionView, description: 'With its answers and comments (hidden ones only for their author and moderators).' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  get(@OptionalCaller() caller: Caller | null, @Param() params: ContentIdParams): Promise<QuestionView> {
    return this.questions.get(caller, params.id);
  }

  @Patch(':id')
  @Access.member()
  @ApiOkResponse({ type: QuestionView, description: 'Only the fields sent change; the previous version stays in the history.' })
  @ApiForbiddenResponse({ description: 'EDIT_FORBIDDEN: only its author or a moderator' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  edit(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: EditQuestionDto): Promise<QuestionView> {
    return this.questions.edit(caller, params.id, body);
  }

  @Get(':id/revisions')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: [RevisionView], description: 'Every version, the original first.' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  revisions(@OptionalCaller() caller: Caller | null, @Param() params: ContentIdParams): Promise<RevisionView[]> {
    return this.questions.history(caller, params.id);
  }

  @Post(':id/answers')
  @Access.member()
  @ApiCreatedResponse({ type: AnswerView })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: 'CONTENT_HIDDEN: the question is hidden' })
  answer(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: BodyDto): Promise<AnswerView> {
    return this.answers.answer(caller, params.id, body.body);
  }

  @Post(':id/comments')
  @Access.member()
  @ApiCreatedResponse({ type: CommentView })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: 'CONTENT_HIDDEN: the question is hidden' })
  comment(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: CommentBodyDto): Promise<CommentView> {
    return this.questions.comment(caller, params.id, body.body);
  }
}
