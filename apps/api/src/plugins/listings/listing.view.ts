import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_STATUSES, type ReviewStatus } from '../entities/plugin-review.entity.js';
import type { ListingStatus } from '../entities/plugin-listing.entity.js';
import { LISTING_CATEGORIES, type ListingCategory, type ListingDetails, type MediaRef, type Screenshot } from '../listing-details.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import { CURRENCY_CODES, PRICING_MODELS, type PricingModel } from './pricing.js';

const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** Where an uploaded image is served from (public, immutable). */
export const mediaUrl = (sha256: string) => `/v1/plugin-media/${sha256}`;

export class MediaView {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256: string;
  @ApiProperty({ enum: MEDIA_TYPES }) contentType: MediaRef['contentType'];
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty() bytes: number;
  @ApiProperty({ example: '/v1/plugin-media/3a7bd3e2…' }) url: string;
}

export class ScreenshotView extends MediaView {
  @ApiProperty() caption: string;
}

export class PricingView {
  @ApiProperty({ enum: PRICING_MODELS }) model: PricingModel;
  @ApiPropertyOptional({ enum: CURRENCY_CODES, description: 'one_time and subscription' }) currency?: string;
  @ApiPropertyOptional({ description: 'one_time: integer minor units' }) amount?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'subscription: per month, minor units' }) monthlyAmount?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'subscription: per year, minor units' }) yearlyAmount?: number | null;
}

/** A copy of the listing's details (draft or published), with the Markdown rendered and the images' URLs. */
export class DetailsView {
  @ApiProperty() displayName: string;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'Markdown source' }) description: string;
  @ApiProperty({ description: 'The description rendered and sanitised: safe to insert into a page as it is' }) descriptionHtml: string;
  @ApiProperty({ enum: LISTING_CATEGORIES, isArray: true }) categories: ListingCategory[];
  @ApiProperty({ type: MediaView, nullable: true }) icon: MediaView | null;
  @ApiProperty({ nullable: true, type: String }) iconUrl: string | null;
  @ApiProperty({ type: [ScreenshotView] }) screenshots: ScreenshotView[];
  @ApiProperty({ nullable: true, type: String, format: 'uri' }) supportUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uri' }) privacyPolicyUrl: string | null;
  @ApiProperty({ type: PricingView }) pricing: PricingView;
}

export class ListingPartnerView {
  @ApiProperty() namespace: string;
  @ApiProperty() name: string;
}

export class PendingListingReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty() submittedAt: string;
}

export class LatestVersionView {
  @ApiProperty({ example: '1.2.0' }) version: string;
  @ApiProperty() publishedAt: string;
  @ApiProperty() deprecated: boolean;
}

export class ListingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'acme/slack-notifier' }) name: string;
  @ApiProperty({ example: 'acme' }) namespace: string;
  @ApiProperty({ example: 'slack-notifier' }) plugin: string;
  @ApiProperty({ enum: ['draft', 'public'] }) status: ListingStatus;
  @ApiProperty({ type: ListingPartnerView }) partner: ListingPartnerView;
  @ApiProperty({ type: DetailsView, nullable: true, description: 'The copy reviewers approved; null until the listing is public' }) public: DetailsView | null;
  @ApiProperty({ type: DetailsView, nullable: true, description: 'The working copy: for the partner’s members and reviewers only, else null' }) draft: DetailsView | null;
  @ApiProperty({ description: 'A public listing whose draft differs from the public copy (partner and reviewers only; else false)' }) hasUnpublishedChanges: boolean;
  @ApiProperty({ type: PendingListingReviewView, nullable: true, description: 'The open listing-change review (partner and reviewers only)' })
  pendingReview: PendingListingReviewView | null;
  @ApiProperty({ type: LatestVersionView, nullable: true, description: 'The highest published version that is not yanked' }) latestVersion: LatestVersionView | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
}

/** A listing named beside something about it (community questions and ideas). */
export class ListingRefView {
  @ApiProperty({ example: 'acme/slack-notifier' }) name: string;
  @ApiProperty({ example: 'Slack Notifier' }) displayName: string;
}

export class ListingPage {
  @ApiProperty({ type: [ListingView] }) items: ListingView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MarkdownPreviewView {
  @ApiProperty({ description: 'Rendered and sanitised exactly as listing descriptions are' }) html: string;
}

function toMediaView(ref: MediaRef): MediaView {
  return { sha256: ref.sha256, contentType: ref.contentType, width: ref.width, height: ref.height, bytes: ref.bytes, url: mediaUrl(ref.sha256) };
}

function toScreenshotView(shot: Screenshot): ScreenshotView {
  return { ...toMediaView(shot), caption: shot.caption };
}

export function toDetailsView(details: ListingDetails): DetailsView {
  const icon = details.icon ? toMediaView(details.icon) : null;
  return {
    displayName: details.displayName,
    summary: details.summary,
    description: details.description,
    descriptionHtml: renderMarkdown(details.description),
    categories: details.categories,
    icon,
    iconUrl: icon?.url ?? null,
    screenshots: details.screenshots.map(toScreenshotView),
    supportUrl: details.supportUrl,
    privacyPolicyUrl: details.privacyPolicyUrl,
    pricing: { ...details.pricing },
  };
}
