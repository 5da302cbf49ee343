import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { Partner } from '../../partners/partner.entity.js';
import type { ListingDetails } from '../listing-details.js';

export type ListingStatus = 'draft' | 'public';

/**
 * A plugin as the marketplace shows it. `name` is the manifest name (`namespace/plugin`) every
 * version must carry. The partner edits `draft`; `published` is the copy reviewers last approved
 * (null until the first version is approved, which makes the listing public).
 */
@Entity('plugin_listings')
@Check('plugin_listings_status_check', `status IN ('draft', 'public')`)
@Index('ix_plugin_listings_partner_id_created_at', ['partnerId', 'createdAt'])
@Index('ix_plugin_listings_status_published_at', ['status', 'publishedAt'])
export class PluginListing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Partner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_plugin_listings_partner' })
  partner?: Partner;

  @Index('ux_plugin_listings_name', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'draft' })
  status: ListingStatus;

  @Column({ type: 'jsonb' })
  draft: ListingDetails;

  @Column({ type: 'jsonb', nullable: true })
  published: ListingDetails | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_plugin_listings_created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
