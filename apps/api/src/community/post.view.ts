import { ApiProperty } from '@nestjs/swagger';
import { HiddenView } from './moderation/hidden.view.js';
import { MemberRefView } from './people/member-ref.view.js';

/** What every piece of community writing shows (answers, comments): who, what, when, and whether a moderator hid it. */
export class PostView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: MemberRefView })
  author: MemberRefView;

  @ApiProperty({ description: 'Markdown as written' })
  body: string;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  editedAt: string | null;

  @ApiProperty({ type: HiddenView, nullable: true, description: 'Set when a moderator hid it (only its author and moderators see it then)' })
  hidden: HiddenView | null;
}
