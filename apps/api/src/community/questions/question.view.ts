import { ApiProperty } from '@nestjs/swagger';
import { ListingRefView } from '../../plugins/listings/listing.view.js';
import { CommentView } from '../comments/comment.view.js';
import { HiddenView } from '../moderation/hidden.view.js';
import { MemberRefView } from '../people/member-ref.view.js';
import { PostView } from '../post.view.js';

export class AnswerView extends PostView {
  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({ description: 'Members who found it helpful' })
  helpfulCount: number;

  @ApiProperty({ description: 'The viewer found it helpful (false when signed out)' })
  votedHelpful: boolean;

  @ApiProperty({ description: 'The asker accepted it' })
  accepted: boolean;

  @ApiProperty({ description: 'Its author belongs to the partner that publishes the listing the question is about' })
  byListingPartner: boolean;

  @ApiProperty({ type: [CommentView] })
  comments: CommentView[];
}

export class QuestionSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ maxLength: 200, description: 'The start of the body as plain text' })
  excerpt: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: ListingRefView, nullable: true, description: 'The listing the question is about' })
  listing: ListingRefView | null;

  @ApiProperty({ type: MemberRefView })
  author: MemberRefView;

  @ApiProperty({ description: 'Visible answers' })
  answerCount: number;

  @ApiProperty({ description: 'The asker accepted an answer' })
  accepted: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'The latest question, answer, comment or acceptance' })
  lastActivityAt: string;

  @ApiProperty({ type: HiddenView, nullable: true, description: 'Set when a moderator hid it (only its author and moderators see it then)' })
  hidden: HiddenView | null;
}

export class QuestionViewerView {
  @ApiProperty({ description: 'The viewer may edit the question (its author or a moderator)' })
  canEdit: boolean;

  @ApiProperty({ description: 'The viewer asked it, so may accept an answer' })
  canAccept: boolean;

  @ApiProperty({ description: 'The viewer is a moderator (may hide and show content)' })
  canModerate: boolean;
}

export class QuestionView extends QuestionSummaryView {
  @ApiProperty({ description: 'Markdown as written' })
  body: string;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  editedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  acceptedAnswerId: string | null;

  @ApiProperty({ type: [CommentView] })
  comments: CommentView[];

  @ApiProperty({ type: [AnswerView], description: 'The accepted answer first, then the most helpful, then the oldest' })
  answers: AnswerView[];

  @ApiProperty({ type: QuestionViewerView })
  viewer: QuestionViewerView;
}

export class QuestionPage {
  @ApiProperty({ type: [QuestionSummaryView] })
  items: QuestionSummaryView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class TagCountView {
  @ApiProperty({ example: 'webhooks' })
  tag: string;

  @ApiProperty({ description: 'Visible questions carrying it' })
  count: number;
}
