import { ApiProperty, OmitType } from '@nestjs/swagger';
import { REVIEW_ACTIONS, type ReviewAction } from '../entities/plugin-review-event.entity.js';
import { REVIEW_STATUSES, type ReviewKind, type ReviewStatus } from '../entities/plugin-review.entity.js';
import { DetailsView } from '../listings/listing.view.js';
import { ValidationReportView } from '../versions/version.view.js';
import { REVIEW_KINDS } from './review.dto.js';

const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

export class ReviewPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class ReviewListingRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'acme/chat-notifier' }) name: string;
  @ApiProperty({ description: 'The name under review: the proposed copy’s, else the public one’s, else the draft’s' }) displayName: string;
  @ApiProperty({ enum: ['draft', 'public'] }) status: 'draft' | 'public';
}

export class ReviewPartnerRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() namespace: string;
  @ApiProperty() name: string;
}

export class ReviewVersionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1.2.0' }) version: string;
  @ApiProperty({ type: [String] }) permissions: string[];
}

export class ReviewQueueItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REVIEW_KINDS }) kind: ReviewKind;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ type: ReviewListingRef }) listing: ReviewListingRef;
  @ApiProperty({ type: ReviewPartnerRef }) partner: ReviewPartnerRef;
  @ApiProperty({ type: ReviewVersionRef, nullable: true, description: 'null for a listing change' }) version: ReviewVersionRef | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ description: 'Seconds in the queue: until now while open, until the decision once decided' }) waitingSeconds: number;
  @ApiProperty({ type: ReviewPersonView, nullable: true }) submittedBy: ReviewPersonView | null;
  @ApiProperty({ type: ReviewPersonView, nullable: true }) claimedBy: ReviewPersonView | null;
  @ApiProperty({ nullable: true, type: String }) claimedAt: string | null;
  @ApiProperty({ description: 'The caller belongs to the listing’s partner, so may not claim or decide it (REVIEW_OWN_PARTNER)' }) ownPartner: boolean;
}

export class ReviewQueuePage {
  @ApiProperty({ type: [ReviewQueueItem], description: 'Oldest first' }) items: ReviewQueueItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReviewHistoryEntry {
  @ApiProperty() at: string;
  @ApiProperty({ type: ReviewPersonView, nullable: true }) actor: ReviewPersonView | null;
  @ApiProperty({ enum: REVIEW_ACTIONS }) action: ReviewAction;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
}

export class ReviewListingView extends ReviewListingRef {
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ type: DetailsView, description: 'What the partner is editing now' }) draft: DetailsView;
  @ApiProperty({ type: DetailsView, nullable: true, description: 'The public copy; null until the first approval' }) published: DetailsView | null;
}

export class ReviewVersionView extends ReviewVersionRef {
  @ApiProperty() sha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ ...JSON_OBJECT, description: 'guild-plugin.json as validated' }) manifest: Record<string, unknown>;
  @ApiProperty({ type: ValidationReportView, description: 'The validation report kept with the version' }) report: ValidationReportView;
  @ApiProperty() readme: string;
  @ApiProperty() readmeHtml: string;
  @ApiProperty({ nullable: true, type: String }) changelog: string | null;
  @ApiProperty({ nullable: true, type: String }) changelogHtml: string | null;
  @ApiProperty() uploadedAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) deprecatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) yankedAt: string | null;
}

export class SetChangeView {
  @ApiProperty({ type: [String] }) added: string[];
  @ApiProperty({ type: [String] }) removed: string[];
}

export class PermissionChangeView extends SetChangeView {
  @ApiProperty({ type: [String] }) unchanged: string[];
}

export class PermissionDiffView {
  @ApiProperty({ nullable: true, type: String, description: 'The previous approved version compared against; null when there is none' }) against: string | null;
  @ApiProperty({ type: PermissionChangeView }) permissions: PermissionChangeView;
  @ApiProperty({ type: SetChangeView }) events: SetChangeView;
  @ApiProperty({ type: SetChangeView }) functions: SetChangeView;
  @ApiProperty({ type: SetChangeView, description: 'Hosts of http: permissions' }) httpHosts: SetChangeView;
}

export class FieldChangeView {
  @ApiProperty({ example: 'summary' }) field: string;
  @ApiProperty({ nullable: true, description: 'The public value (null on a first publication)' }) before: unknown;
  @ApiProperty({ nullable: true, description: 'The proposed value' }) after: unknown;
}

export class ReviewDetailView extends OmitType(ReviewQueueItem, ['listing', 'version'] as const) {
  @ApiProperty({ type: ReviewListingView }) listing: ReviewListingView;
  @ApiProperty({ type: ReviewVersionView, nullable: true }) version: ReviewVersionView | null;
  @ApiProperty({ type: PermissionDiffView, nullable: true, description: 'Versions only: against the previous approved version' }) permissionDiff: PermissionDiffView | null;
  @ApiProperty({ type: DetailsView, nullable: true, description: 'The listing copy approval publishes (listing changes; a draft listing’s first version)' })
  proposed: DetailsView | null;
  @ApiProperty({ type: [FieldChangeView], nullable: true, description: 'The proposed copy against the public one, field by field' }) listingDiff: FieldChangeView[] | null;
  @ApiProperty({ type: ReviewPersonView, nullable: true }) decidedBy: ReviewPersonView | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reviewer’s message to the partner' }) message: string | null;
  @ApiProperty({ type: [ReviewHistoryEntry], description: 'Oldest first' }) history: ReviewHistoryEntry[];
}

export class ReviewStatsView {
  @ApiProperty() days: number;
  @ApiProperty({ description: 'Reviews decided (approved, rejected, changes requested) in the window' }) decided: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Median seconds from submission to decision' }) medianSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '90th percentile, seconds' }) p90Seconds: number | null;
  @ApiProperty({ description: 'Open now (submitted or in review)' }) open: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Age of the oldest open item, seconds' }) oldestOpenSeconds: number | null;
}

/** The partner's view of a history line: their own team by name, staff only as "a reviewer". */
export class ListingReviewHistoryEntry {
  @ApiProperty() at: string;
  @ApiProperty({ enum: REVIEW_ACTIONS }) action: ReviewAction;
  @ApiProperty({ enum: ['partner', 'reviewer'] }) by: 'partner' | 'reviewer';
  @ApiProperty({ nullable: true, type: String, description: 'The team member’s name; null for reviewers' }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
}

export class ListingReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REVIEW_KINDS }) kind: ReviewKind;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ nullable: true, type: String, description: 'The version reviewed; null for a listing change' }) version: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reviewers’ message: reasons, changes wanted, or a note' }) message: string | null;
  @ApiProperty({ type: [ListingReviewHistoryEntry], description: 'Oldest first' }) history: ListingReviewHistoryEntry[];
}

export class ListingReviewPage {
  @ApiProperty({ type: [ListingReviewView], description: 'Newest first' }) items: ListingReviewView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
