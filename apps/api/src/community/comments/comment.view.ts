import { ApiProperty } from '@nestjs/swagger';
import { PostView } from '../post.view.js';

export class CommentView extends PostView {
  @ApiProperty({ enum: ['question', 'answer', 'idea'] })
  targetType: string;

  @ApiProperty({ format: 'uuid' })
  targetId: string;
}
