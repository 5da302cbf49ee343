import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isReviewerAction, REVIEW_ACTIONS, type ReviewAction } from '../entities/plugin-review-event.entity.js';
import { REVIEW_STATUSES, type PluginReview, type ReviewStatus } from '../entities/plugin-review.entity.js';
import type { PluginVersion } from '../entities/plugin-version.entity.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import type { LoadedReviewEvent } from './versions.repository.js';

/** A version's state is its review's, with `approved` shown as `published`. */
export const VERSION_STATUSES = ['submitted', 'in_review', 'published', 'rejected', 'changes_requested', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export function versionStatus(review: ReviewStatus): VersionStatus {
  return review === 'approved' ? 'published' : review;
}

export class VersionSummary {
  @ApiProperty({ example: '1.2.0' }) version: string;
  @ApiProperty({ enum: VERSION_STATUSES }) status: VersionStatus;
  @ApiProperty({ description: 'Hex sha256 of the .tgz (also its download ETag)' }) sha256: string;
  @ApiProperty({ description: 'Size of the .tgz' }) sizeBytes: number;
  @ApiProperty({ example: '^1.0.0' }) hostApi: string;
  @ApiProperty() uploadedAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ description: 'Still installable, with deprecationMessage shown' }) deprecated: boolean;
  @ApiProperty({ nullable: true, type: String }) deprecatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) deprecationMessage: string | null;
  @ApiProperty({ description: 'No new installs; existing installs keep running and are told to upgrade' }) yanked: boolean;
  @ApiProperty({ nullable: true, type: String }) yankedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) yankReason: string | null;
  @ApiProperty({ description: 'Yanked by Guild staff (for security); only staff can undo it' }) yankedByStaff: boolean;
}

export class VersionPage {
  @ApiProperty({ type: [VersionSummary], description: 'Newest first' }) items: VersionSummary[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class ManifestLimitsView {
  @ApiProperty() memoryMb: number;
  @ApiProperty() timeoutMs: number;
}

export class ManifestSummaryView {
  @ApiProperty({ example: 'acme/volume-discount' }) name: string;
  @ApiProperty() version: string;
  @ApiProperty() displayName: string;
  @ApiProperty() summary: string;
  @ApiProperty() hostApi: string;
  @ApiProperty() entry: string;
  @ApiProperty({ example: 'icon.svg' }) icon: string;
  @ApiProperty({ type: [String] }) events: string[];
  @ApiProperty({ type: [String] }) functions: string[];
  @ApiProperty({ type: [String], example: ['functions:cart.discounts', 'storage'] }) permissions: string[];
  @ApiProperty({ type: [String], description: 'Setting keys' }) settings: string[];
  @ApiProperty({ type: [String], description: 'Setting keys stored encrypted' }) secretSettings: string[];
  @ApiProperty({ type: ManifestLimitsView }) limits: ManifestLimitsView;
}

export class PackageIssueView {
  @ApiProperty({ example: 'PACKAGE_LICENSE_MISSING' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'The file in the package' }) path?: string;
  @ApiPropertyOptional({ description: 'JSON Pointer inside the manifest' }) pointer?: string;
}

class PackageFileView {
  @ApiProperty() path: string;
  @ApiProperty() bytes: number;
}

class PackageReportView {
  @ApiProperty({ type: [PackageFileView] }) files: PackageFileView[];
  @ApiProperty() compressedBytes: number;
  @ApiProperty({ description: 'The tar stream, headers included' }) uncompressedBytes: number;
  @ApiProperty({ type: ManifestSummaryView }) manifest: ManifestSummaryView;
}

export class ValidationReportView {
  @ApiProperty() validatedAt: string;
  @ApiProperty({ type: [String], description: 'The checks the package passed, with the limits in force' }) checks: string[];
  @ApiProperty({ type: [PackageIssueView] }) warnings: PackageIssueView[];
  @ApiProperty({ type: PackageReportView }) package: PackageReportView;
}

export class VersionActorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class VersionReviewEventView {
  @ApiProperty() at: string;
  @ApiProperty({ type: VersionActorView, nullable: true, description: 'Null for a reviewer when the partner reads it, or for a deleted account' }) actor: VersionActorView | null;
  @ApiProperty({ enum: REVIEW_ACTIONS }) action: ReviewAction;
  @ApiProperty({ enum: ['partner', 'reviewer'], description: 'Who takes this step: the partner submits and withdraws, reviewers do the rest' }) by: 'partner' | 'reviewer';
  @ApiProperty({ nullable: true, type: String }) message: string | null;
}

export class VersionReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The reviewer's last message (reasons, changes wanted, approval note)" }) message: string | null;
  @ApiProperty({ type: [VersionReviewEventView], description: 'Oldest first' }) history: VersionReviewEventView[];
}

/**
 * One version. `report`, `review` and `uploadedBy` are for the partner's members and reviewer or
 * admin staff; the public gets null.
 */
export class VersionView extends VersionSummary {
  @ApiProperty({ example: 'acme/volume-discount' }) plugin: string;
  @ApiProperty({ type: ManifestSummaryView }) manifest: ManifestSummaryView;
  @ApiProperty({ description: 'README.md as in the package (Markdown)' }) readme: string;
  @ApiProperty({ description: 'README.md rendered and sanitised' }) readmeHtml: string;
  @ApiProperty({ nullable: true, type: String }) changelog: string | null;
  @ApiProperty({ nullable: true, type: String }) changelogHtml: string | null;
  @ApiProperty({ type: VersionActorView, nullable: true }) uploadedBy: VersionActorView | null;
  @ApiProperty({ type: ValidationReportView, nullable: true }) report: ValidationReportView | null;
  @ApiProperty({ type: VersionReviewView, nullable: true }) review: VersionReviewView | null;
}

export function toVersionSummary(version: PluginVersion, review: ReviewStatus): VersionSummary {
  return {
    version: version.version,
    status: versionStatus(review),
    sha256: version.sha256,
    sizeBytes: version.sizeBytes,
    hostApi: version.manifest.hostApi,
    uploadedAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    deprecated: version.deprecatedAt !== null,
    deprecatedAt: version.deprecatedAt?.toISOString() ?? null,
    deprecationMessage: version.deprecationMessage,
    yanked: version.yankedAt !== null,
    yankedAt: version.yankedAt?.toISOString() ?? null,
    yankReason: version.yankReason,
    yankedByStaff: version.yankedByStaff,
  };
}

/** What only the partner's members and reviewer or admin staff see. */
export interface InsideDetails {
  review: PluginReview;
  history: LoadedReviewEvent[];
  uploadedBy: VersionActorView | null;
  /** False for the partner: staff in the history are shown without a name. */
  showReviewers: boolean;
}

export function toVersionView(listingName: string, version: PluginVersion, review: ReviewStatus, inside: InsideDetails | null): VersionView {
  const { report } = version;
  return {
    ...toVersionSummary(version, review),
    plugin: listingName,
    manifest: report.package.manifest,
    readme: version.readme,
    readmeHtml: renderMarkdown(version.readme),
    changelog: version.changelog,
    changelogHtml: version.changelog === null ? null : renderMarkdown(version.changelog),
    uploadedBy: inside?.uploadedBy ?? null,
    report: inside ? report : null,
    review: inside ? toReviewView(inside.review, inside.history, inside.showReviewers) : null,
  };
}

function toReviewView(review: PluginReview, history: LoadedReviewEvent[], showReviewers: boolean): VersionReviewView {
  return {
    id: review.id,
    status: review.status,
    submittedAt: review.submittedAt.toISOString(),
    decidedAt: review.decidedAt?.toISOString() ?? null,
    message: review.message,
    history: history.map((event) => ({
      at: event.createdAt.toISOString(),
      actor: event.actor && (showReviewers || !isReviewerAction(event.action)) ? { id: event.actor.id, displayName: event.actor.displayName } : null,
      action: event.action,
      by: isReviewerAction(event.action) ? ('reviewer' as const) : ('partner' as const),
      message: event.message,
    })),
  };
}
