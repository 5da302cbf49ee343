import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { CommentBodyDto, ContentIdParams, HideContentDto } from '../moderation/moderation.dto.js';
import { RevisionView } from '../revisions/revision.view.js';
import { CommentView } from './comment.view.js';
import { CommentsService } from './comments.service.js';

/** Comments are added on what they comment on (questions, answers, ideas); here they are edited, traced and moderated. */
@ApiTags('community')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Patch('community/comments/:id')
  @Access.member()
  @ApiOkResponse({ type: CommentView, description: 'The edited comment; the previous text stays in its history.' })
  @ApiForbiddenResponse({ description: 'EDIT_FORBIDDEN: only its author or a moderator' })
  @ApiNotFoundResponse({ description: 'COMMENT_NOT_FOUND' })
  edit(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: CommentBodyDto): Promise<CommentView> {
    return this.comments.edit(caller, params.id, body.body);
  }

  @Get('community/comments/:id/revisions')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: [RevisionView], description: 'Every version, the original first.' })
  @ApiNotFoundResponse({ description: 'COMMENT_NOT_FOUND' })
  revisions(@OptionalCaller() caller: Caller | null, @Param() params: ContentIdParams): Promise<RevisionView[]> {
    return this.comments.history(caller, params.id);
  }

  @Post('staff/community/comments/:id/hide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: CommentView })
  @ApiNotFoundResponse({ description: 'COMMENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: already hidden' })
  hide(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams, @Body() body: HideContentDto): Promise<CommentView> {
    return this.comments.hide(caller, params.id, body.reason);
  }

  @Post('staff/community/comments/:id/unhide')
  @HttpCode(200)
  @Access.staff('moderator', 'admin')
  @ApiOkResponse({ type: CommentView })
  @ApiNotFoundResponse({ description: 'COMMENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MODERATION_STATE: not hidden' })
  unhide(@CurrentCaller() caller: Caller, @Param() params: ContentIdParams): Promise<CommentView> {
    return this.comments.hide(caller, params.id, null);
  }
}
