import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';

/** A badge a member earned (once earned, kept). */
@Entity('member_badges')
export class MemberBadge {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_member_badges' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_member_badges_user' })
  user?: User;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_member_badges' })
  badge: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  awardedAt: Date;
}
