import { ApiProperty } from '@nestjs/swagger';
import { ListingRefView } from '../../plugins/listings/listing.view.js';
import { CommentView } from '../comments/comment.view.js';
import { IDEA_STATUSES, type IdeaStatus } from '../entities/idea.entity.js';
import { HiddenView } from '../moderation/hidden.view.js';
import { MemberRefView } from '../people/member-ref.view.js';

export class IdeaSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'The start of the body as plain text (at most 200 characters)' })
  excerpt: string;

  @ApiProperty({ enum: IDEA_STATUSES })
  status: IdeaStatus;

  @ApiProperty({ nullable: true, type: String, description: 'The public note of the last status change' })
  statusNote: string | null;

  @ApiProperty({ type: ListingRefView, nullable: true, description: 'The listing the idea is about; null for ideas about Guild itself' })
  listing: ListingRefView | null;

  @ApiProperty({ type: MemberRefView })
  author: MemberRefView;

  @ApiProperty()
  voteCount: number;

  @ApiProperty({ description: 'The caller voted for it (false when anonymous)' })
  voted: boolean;

  @ApiProperty({ description: 'Visible comments' })
  commentCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  statusChangedAt: string | null;

  @ApiProperty({ type: HiddenView, nullable: true, description: 'Set when a moderator hid it (only its author and moderators see it then)' })
  hidden: HiddenView | null;
}

export class IdeaPage {
  @ApiProperty({ type: [IdeaSummaryView] })
  items: IdeaSummaryView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

/** One public step of the idea: from, to, the note, who moved it. */
export class IdeaStatusChangeView {
  @ApiProperty({ enum: IDEA_STATUSES })
  from: IdeaStatus;

  @ApiProperty({ enum: IDEA_STATUSES })
  to: IdeaStatus;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ type: MemberRefView, nullable: true })
  actor: MemberRefView | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** A member credited by name on a shipped idea. */
export class IdeaCreditView {
  @ApiProperty({ type: MemberRefView })
  member: MemberRefView;

  @ApiProperty({ enum: ['author', 'contributor'] })
  role: 'author' | 'contributor';

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The comment that earned a contributor’s credit' })
  commentId: string | null;
}

/** What the caller may do with the idea (the portal shows the matching controls). */
export class IdeaViewerView {
  @ApiProperty()
  canEdit: boolean;

  @ApiProperty({ description: 'Moderators; for an idea about a listing also its partner’s owner and developers' })
  canMoveStatus: boolean;

  @ApiProperty({ description: 'Moderators, once the idea shipped' })
  canCredit: boolean;

  @ApiProperty()
  canModerate: boolean;
}

export class IdeaView extends IdeaSummaryView {
  @ApiProperty({ description: 'Markdown as written' })
  body: string;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  editedAt: string | null;

  @ApiProperty({ type: [IdeaStatusChangeView], description: 'Every status change, oldest first' })
  history: IdeaStatusChangeView[];

  @ApiProperty({ type: [IdeaCreditView], description: 'Who is credited (once shipped): the author first, then contributors' })
  credits: IdeaCreditView[];

  @ApiProperty({ type: [CommentView], description: 'Oldest first' })
  comments: CommentView[];

  @ApiProperty({ type: IdeaViewerView })
  viewer: IdeaViewerView;
}
