import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MemberRefView } from '../people/member-ref.view.js';

/** One version of a question, answer, idea or comment (revision 1 is the original). */
export class RevisionView {
  @ApiProperty()
  revision: number;

  @ApiProperty({ type: MemberRefView, nullable: true, description: 'Who wrote this version (a moderator may have edited it)' })
  editor: MemberRefView | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Questions and ideas only' })
  title: string | null;

  @ApiProperty({ description: 'Markdown as written' })
  body: string;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Questions only' })
  tags: string[] | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
