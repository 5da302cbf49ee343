import { ApiProperty } from '@nestjs/swagger';
import { HiddenView } from '../moderation/hidden.view.js';
import { MemberRefView } from '../people/member-ref.view.js';

export class CommentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['question', 'answer', 'idea'] })
  targetType: string;

  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty({ type: MemberRefView })
  author: MemberRefView;

  @ApiProperty({ description: 'Markdown as written' })
  body: string;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  editedAt: string | null;

  @ApiProperty({ type: HiddenView, nullable: true, description: 'Set when a moderator hid it (only its author and moderators see it then)' })
  hidden: HiddenView | null;
}
