import { ApiProperty } from '@nestjs/swagger';
import type { Hideable } from '../entities/hidden.js';

/** Shown only to the content's author and to moderators; everyone else does not see hidden content at all. */
export class HiddenView {
  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export function hiddenView(content: Hideable): HiddenView | null {
  return content.hiddenAt ? { reason: content.hiddenReason ?? '', at: content.hiddenAt.toISOString() } : null;
}
