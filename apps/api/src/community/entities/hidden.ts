import { Column } from 'typeorm';

/** Moderation columns every kind of community content carries (hidden by staff, with a reason). */
export class Hideable {
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenBy: string | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;
}
