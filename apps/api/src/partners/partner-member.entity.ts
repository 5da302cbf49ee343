import { Check, CreateDateColumn, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import { User } from '../identity/user.entity.js';
import { Partner } from './partner.entity.js';

/** A user's membership of a partner organisation; the partial unique index keeps exactly one owner per partner. */
@Entity('partner_members')
@Check('partner_members_role_check', `role IN ('owner', 'developer', 'finance')`)
@Index('ux_partner_members_owner', ['partnerId'], { unique: true, where: `role = 'owner'` })
export class PartnerMember {
  @PrimaryColumn({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_partner_members_partner' })
  partner?: Partner;

  @Index('ix_partner_members_user_id')
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_partner_members_user' })
  user?: User;

  @Column({ type: 'text' })
  role: PartnerRole;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}
