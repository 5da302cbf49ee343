import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';

/** A member's net points per UTC day, kept in step with the log in the same transaction (leaderboards over windows). */
@Entity('contribution_daily')
@Index('ix_contribution_daily_day', { synchronize: false })
export class ContributionDaily {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_contribution_daily' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_contribution_daily_user' })
  user?: User;

  /** YYYY-MM-DD (UTC). */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_contribution_daily' })
  day: string;

  @Column({ type: 'integer' })
  points: number;
}

/** A member's all-time net points; its row is also the lock that runs one member's awards one at a time. */
@Entity('contribution_totals')
@Index('ix_contribution_totals_points', ['points'])
export class ContributionTotal {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'contribution_totals_pkey' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_contribution_totals_user' })
  user?: User;

  @Column({ type: 'integer', default: 0 })
  points: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A member's net points over the last `windowDays` UTC days (today included), as of the window state's day. */
@Entity('contribution_windows')
@Index('ix_contribution_windows_ranking', { synchronize: false })
export class ContributionWindow {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_contribution_windows' })
  windowDays: number;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_contribution_windows' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_contribution_windows_user' })
  user?: User;

  @Column({ type: 'integer' })
  points: number;
}

/** The UTC day each window's rows are counted up to; rolled forward by ContributionWindows. */
@Entity('contribution_window_state')
export class ContributionWindowState {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'contribution_window_state_pkey' })
  windowDays: number;

  @Column({ type: 'date' })
  asOf: string;
}
