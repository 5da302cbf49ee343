import type { User } from '../../identity/user.entity.js';
import { isReviewerAction } from '../entities/plugin-review-event.entity.js';
import type { PluginVersion } from '../entities/plugin-version.entity.js';
import { toDetailsView } from '../listings/listing.view.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import { listingDiff, permissionDiff } from './review-diff.js';
import type { LoadedEvent, LoadedReview } from './reviews.repository.js';
import type {
  ListingReviewView,
  ReviewDetailView,
  ReviewHistoryEntry,
  ReviewPersonView,
  ReviewQueueItem,
  ReviewVersionView,
} from './review.view.js';

const person = (user: User | null | undefined): ReviewPersonView | null => (user ? { id: user.id, displayName: user.displayName } : null);
const iso = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;

export function toQueueItem(review: LoadedReview, now: Date, ownPartner: boolean): ReviewQueueItem {
  const { listing, version } = review;
  const end = review.decidedAt ?? (review.status === 'withdrawn' ? review.updatedAt : now);
  return {
    id: review.id,
    kind: review.kind,
    status: review.status,
    listing: { id: listing.id, name: listing.name, displayName: (review.details ?? listing.published ?? listing.draft).displayName, status: listing.status },
    partner: { id: listing.partner.id, namespace: listing.partner.namespace, name: listing.partner.name },
    version: version ? { id: version.id, version: version.version, permissions: version.manifest.permissions } : null,
    submittedAt: review.submittedAt.toISOString(),
    waitingSeconds: Math.max(0, Math.floor((end.getTime() - review.submittedAt.getTime()) / 1000)),
    submittedBy: person(review.submitter),
    claimedBy: person(review.claimant),
    claimedAt: iso(review.claimedAt),
    ownPartner,
  };
}

function toVersionView(version: PluginVersion): ReviewVersionView {
  return {
    id: version.id,
    version: version.version,
    permissions: version.manifest.permissions,
    sha256: version.sha256,
    sizeBytes: version.sizeBytes,
    manifest: { ...version.manifest },
    report: { ...version.report },
    readme: version.readme,
    readmeHtml: renderMarkdown(version.readme),
    changelog: version.changelog,
    changelogHtml: version.changelog === null ? null : renderMarkdown(version.changelog),
    uploadedAt: version.createdAt.toISOString(),
    publishedAt: iso(version.publishedAt),
    deprecatedAt: iso(version.deprecatedAt),
    yankedAt: iso(version.yankedAt),
  };
}

function toHistory(events: LoadedEvent[]): ReviewHistoryEntry[] {
  return events.map((event) => ({ at: event.createdAt.toISOString(), actor: person(event.actor), action: event.action, message: event.message }));
}

export interface DetailInputs {
  review: LoadedReview;
  events: LoadedEvent[];
  previous: Pick<PluginVersion, 'version' | 'manifest'> | null;
  now: Date;
  ownPartner: boolean;
}

export function toDetailView({ review, events, previous, now, ownPartner }: DetailInputs): ReviewDetailView {
  const { listing, version } = review;
  const item = toQueueItem(review, now, ownPartner);
  return {
    ...item,
    listing: {
      ...item.listing,
      publishedAt: iso(listing.publishedAt),
      draft: toDetailsView(listing.draft),
      published: listing.published ? toDetailsView(listing.published) : null,
    },
    version: version ? toVersionView(version) : null,
    permissionDiff: version ? permissionDiff(version.manifest, previous) : null,
    proposed: review.details ? toDetailsView(review.details) : null,
    listingDiff: review.details ? listingDiff(listing.published, review.details) : null,
    decidedBy: person(review.decider),
    decidedAt: iso(review.decidedAt),
    message: review.message,
    history: toHistory(events),
  };
}

/** What the partner's team sees: states and messages; reviewers stay anonymous ("a reviewer"). */
export function toListingReview(review: LoadedReview, events: LoadedEvent[]): ListingReviewView {
  return {
    id: review.id,
    kind: review.kind,
    status: review.status,
    version: review.version?.version ?? null,
    submittedAt: review.submittedAt.toISOString(),
    decidedAt: iso(review.decidedAt),
    message: review.message,
    history: events.map((event) => {
      const byPartner = !isReviewerAction(event.action);
      return {
        at: event.createdAt.toISOString(),
        action: event.action,
        by: byPartner ? ('partner' as const) : ('reviewer' as const),
        actorName: byPartner ? (event.actor?.displayName ?? null) : null,
        message: event.message,
      };
    }),
  };
}
