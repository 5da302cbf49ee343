import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { CommentView } from '../comments/comment.view.js';
import { BodyDto, CommentBodyDto, ContentIdParams } from '../moderation/moderation.dto.js';
import { RevisionView } from '../revisions/revision.view.js';
import { AnswerAcceptanceService } from './answer-acceptance.service.js';
import { AnswerVotesService } from './answer-votes.service.js';
import { AnswersService } from './answers.service.js';
import { AnswerView, QuestionView } from './question.view.js';

const HIDDEN_404 = 'ANSWER_NOT_FOUND (also for a hidden answer or one of a hidden question, to anyone but its author and moderators)';
const HIDDEN_409 = 'CONTENT_HIDDEN: the answer or its question is hidden';

/** Answers: editing, history, helpful votes, acceptance and comments. */
@ApiTags('community')
@Controller('community/answers')
export class AnswersController {
  constructor(
    private readonly answers: AnswersService,
    private readonly votes: AnswerVotesService,
    private readonly acceptance: AnswerAcceptanceService,
  ) {}

  @Patch(':id')
  @Access.member()
  @ApiOkResponse({ type: AnswerView, description: 'The previous text stays in the history.' })
  @ApiForbiddenResponse({ description: 'EDIT_FORBIDDEN: only its author or a moderator' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  edit(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: BodyDto): Promise<AnswerView> {
    return this.answers.edit(caller, params.id, body.body);
  }

  @Get(':id/revisions')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: [RevisionView], description: 'Every version, the original first.' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  revisions(@OptionalCaller() caller: Caller | null, @Param() params: ContentIdParams): Promise<RevisionView[]> {
    return this.answers.history(caller, params.id);
  }

  @Put(':id/helpful')
  @Access.member()
  @ApiOkResponse({ type: AnswerView, description: 'One vote per member: voting again changes nothing. Its author earns points unless you share a partner.' })
  @ApiForbiddenResponse({ description: 'VOTE_OWN_CONTENT' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: HIDDEN_409 })
  vote(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<AnswerView> {
    return this.votes.vote(caller, params.id, true);
  }

  @Delete(':id/helpful')
  @Access.member()
  @ApiOkResponse({ type: AnswerView, description: 'Retracts your vote (and the points it gave); without a vote, nothing changes.' })
  @ApiForbiddenResponse({ description: 'VOTE_OWN_CONTENT' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: HIDDEN_409 })
  retract(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<AnswerView> {
    return this.votes.vote(caller, params.id, false);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: QuestionView, description: 'Replaces the answer accepted before (whose points are taken back). Accepting your own answer earns nothing.' })
  @ApiForbiddenResponse({ description: 'ANSWER_ACCEPT_FORBIDDEN: only the asker' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: HIDDEN_409 })
  accept(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<QuestionView> {
    return this.acceptance.accept(caller, params.id);
  }

  @Delete(':id/accept')
  @Access.member()
  @ApiOkResponse({ type: QuestionView, description: 'The question has no accepted answer again (the points are taken back); nothing changes if this answer was not the accepted one.' })
  @ApiForbiddenResponse({ description: 'ANSWER_ACCEPT_FORBIDDEN: only the asker' })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: HIDDEN_409 })
  unaccept(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<QuestionView> {
    return this.acceptance.unaccept(caller, params.id);
  }

  @Post(':id/comments')
  @Access.member()
  @ApiCreatedResponse({ type: CommentView })
  @ApiNotFoundResponse({ description: HIDDEN_404 })
  @ApiConflictResponse({ description: HIDDEN_409 })
  comment(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: CommentBodyDto): Promise<CommentView> {
    return this.answers.comment(caller, params.id, body.body);
  }
}
