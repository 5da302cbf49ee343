import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { CommentView } from '../comments/comment.view.js';
import { CommentBodyDto, ContentIdParams, HideContentDto } from '../moderation/moderation.dto.js';
import { RevisionView } from '../revisions/revision.view.js';
import { IdeaBoard } from './idea-board.service.js';
import { IdeaCredits } from './idea-credits.service.js';
import { IdeaModeration } from './idea-moderation.service.js';
import { IdeaStatusFlow } from './idea-status.service.js';
import { IdeaVotes } from './idea-votes.service.js';
import { CreateIdeaDto, IdeaCreditsDto, IdeaListQuery, IdeaStatusDto, UpdateIdeaDto } from './idea.dto.js';
import { IdeaPage, IdeaView } from './idea.view.js';
import { IdeasService } from './ideas.service.js';

const NOT_FOUND = 'IDEA_NOT_FOUND (also for a hidden idea, to anyone but its author and moderators)';

@ApiTags('community')
@Controller()
export class IdeasController {
  constructor(
    private readonly ideas: IdeasService,
    private readonly board: IdeaBoard,
    private readonly votes: IdeaVotes,
    private readonly status: IdeaStatusFlow,
    private readonly credits: IdeaCredits,
    private readonly moderation: IdeaModeration,
  ) {}

  @Get('community/ideas')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: IdeaPage, description: 'The ideas board: most voted first by default; `q` searches titles and bodies.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_CURSOR' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND: `listing` names no listing you can see' })
  list(@OptionalCaller() caller: Caller | null, @Query() query: IdeaListQuery): Promise<IdeaPage> {
    return this.board.list(caller, query);
  }

  @Post('community/ideas')
  @Access.member()
  @ApiCreatedResponse({ type: IdeaView, description: 'The new idea, open for votes.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateIdeaDto): Promise<IdeaView> {
    return this.ideas.create(caller, body);
  }

  @Get('community/ideas/:id')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: IdeaView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@OptionalCaller() caller: Caller | null, @Param() params: ContentIdParams): Promise<IdeaView> {
    return this.ideas.get(caller, params.id);
  }

  @Patch('community/ideas/:id')
  @Access.member()
  @ApiOkResponse({ type: IdeaView, description: 'The edited idea; the previous version stays in its history.' })
  @ApiForbiddenResponse({ description: 'EDIT_FORBIDDEN: only its author or a moderator' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  edit(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: UpdateIdeaDto): Promise<IdeaView> {
    return this.ideas.edit(caller, params.id, body);
  }

  @Get('community/ideas/:id/revisions')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: [RevisionView], description: 'Every version, the original first.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  revisions(@OptionalCaller() caller: Caller | null, @Param() params: ContentIdParams): Promise<RevisionView[]> {
    return this.ideas.history(caller, params.id);
  }

  @Put('community/ideas/:id/vote')
  @Access.member()
  @ApiOkResponse({ type: IdeaView, description: 'Your vote counts once however often it is sent.' })
  @ApiForbiddenResponse({ description: 'VOTE_OWN_CONTENT' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'CONTENT_HIDDEN' })
  vote(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<IdeaView> {
    return this.votes.vote(caller, params.id);
  }

  @Delete('community/ideas/:id/vote')
  @Access.member()
  @ApiOkResponse({ type: IdeaView, description: 'Your vote is taken back (nothing changes when you had none).' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  retract(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<IdeaView> {
    return this.votes.retract(caller, params.id);
  }

  @Post('community/ideas/:id/status')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: IdeaView, description: 'The idea in its new status, the note shown publicly in its history; the author and voters are told.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'IDEA_STATUS_FORBIDDEN: moderators, and for an idea about a listing its partner’s owner and developers' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'IDEA_TRANSITION_INVALID (details.allowed lists where it can go), CONTENT_HIDDEN' })
  move(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: IdeaStatusDto): Promise<IdeaView> {
    return this.status.move(caller, params.id, body.status, body.note);
  }

  @Put('community/ideas/:id/credits')
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: IdeaView, description: 'The authors of these comments are credited as contributors, replacing the previous set.' })
  @ApiNotFoundResponse({ description: 'IDEA_NOT_FOUND' })
  @ApiConflictResponse({ description: 'IDEA_NOT_SHIPPED, CONTENT_HIDDEN' })
  @ApiUnprocessableEntityResponse({ description: 'IDEA_CREDIT_INVALID: a comment is not a visible comment on this idea, or is by its author (details.commentIds)' })
  credit(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: IdeaCreditsDto): Promise<IdeaView> {
    return this.credits.set(caller, params.id, body.commentIds);
  }

  @Post('community/ideas/:id/comments')
  @Access.member()
  @ApiCreatedResponse({ type: CommentView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'CONTENT_HIDDEN' })
  comment(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: CommentBodyDto): Promise<CommentView> {
    return this.ideas.comment(caller, params.id, body.body);
  }

  @Post('staff/community/ideas/:id/hide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: IdeaView, description: 'Hidden from everyone but its author and moderators; the points it earned are revoked.' })
  @ApiNotFoundResponse({ description: 'IDEA_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: already hidden' })
  hide(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: HideContentDto): Promise<IdeaView> {
    return this.moderation.hide(caller, params.id, body.reason);
  }

  @Post('staff/community/ideas/:id/unhide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: IdeaView, description: 'Shown again; the points it earned are awarded again.' })
  @ApiNotFoundResponse({ description: 'IDEA_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: not hidden' })
  unhide(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<IdeaView> {
    return this.moderation.hide(caller, params.id, null);
  }
}
