import type { Manifest } from '@guild/plugin-manifest';
import type { PackageIssue, PackageReport } from '@guild/plugin-package';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity.js';
import { PluginListing } from './plugin-listing.entity.js';

/** What the validator found in an accepted package: the package report and its warnings. */
export interface ValidationReport {
  validatedAt: string;
  /** Versions, limits and host API the checks ran with. */
  checks: string[];
  warnings: PackageIssue[];
  package: PackageReport;
}

/**
 * One uploaded version of a listing's plugin. The package is stored content-addressed by `sha256`;
 * rows are never deleted. Its review state lives on its PluginReview; publication, deprecation and
 * yanking are recorded here.
 */
@Entity('plugin_versions')
@Index('ux_plugin_versions_listing_id_version', ['listingId', 'version'], { unique: true })
@Index('ix_plugin_versions_listing_id_created_at', ['listingId', 'createdAt'])
@Index('ix_plugin_versions_sha256', ['sha256'])
export class PluginVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  listingId: string;

  @ManyToOne(() => PluginListing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_plugin_versions_listing' })
  listing?: PluginListing;

  /** Strict semver, as in the manifest. */
  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'jsonb' })
  manifest: Manifest;

  @Column({ type: 'jsonb' })
  report: ValidationReport;

  @Column({ type: 'text' })
  readme: string;

  @Column({ type: 'text', nullable: true })
  changelog: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_plugin_versions_uploaded_by' })
  uploader?: User;

  /** Set when a reviewer approves it: from then on it is installable (unless yanked). */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Still installable, with this warning shown. */
  @Column({ type: 'timestamptz', nullable: true })
  deprecatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  deprecationMessage: string | null;

  /** No new installs; existing installs keep running and are told to upgrade. */
  @Column({ type: 'timestamptz', nullable: true })
  yankedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  yankReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  yankedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'yanked_by', foreignKeyConstraintName: 'fk_plugin_versions_yanked_by' })
  yanker?: User;

  /** True when staff yanked it (for security); only staff may undo that. */
  @Column({ type: 'boolean', default: false })
  yankedByStaff: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
