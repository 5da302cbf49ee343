import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignablePartnerRole } from '@guild/contracts';
import { User } from '../identity/user.entity.js';
import { Partner } from './partner.entity.js';

/** An emailed invitation to join a partner. Only the SHA-256 of its `gpi_` token is stored; it is used once. */
@Entity('partner_invitations')
@Check('partner_invitations_role_check', `role IN ('developer', 'finance')`)
export class PartnerInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_partner_invitations_partner_id')
  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_partner_invitations_partner' })
  partner?: Partner;

  /** Lower-cased. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: AssignablePartnerRole;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'fk_partner_invitations_invited_by' })
  inviter?: User;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'fk_partner_invitations_accepted_by' })
  acceptor?: User;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
