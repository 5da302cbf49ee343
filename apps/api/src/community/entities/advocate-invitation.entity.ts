import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';

/** Staff invited an engaged member to apply to the partner program; `record` is their community record at that moment. */
@Entity('advocate_invitations')
@Index('ux_advocate_invitations_user_id', ['userId'], { unique: true })
export class AdvocateInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_advocate_invitations_user' })
  user?: User;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'fk_advocate_invitations_invited_by' })
  inviter?: User;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'jsonb' })
  record: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
