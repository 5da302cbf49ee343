import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { User } from '../identity/user.entity.js';
import { APPLICATION_ACTIONS, type ApplicationAction, type PartnerApplicationEvent } from './partner-application-event.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus, type PartnerApplication } from './partner-application.entity.js';

export class ApplicantView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'email' }) email: string;
}

export class HistoryActorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class ApplicationHistoryEntry {
  @ApiProperty() at: string;
  @ApiProperty({ type: HistoryActorView, nullable: true }) actor: HistoryActorView | null;
  @ApiProperty({ enum: APPLICATION_ACTIONS }) action: ApplicationAction;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
}

/** What exists of the applicant's community record today; the rest arrives with the community domain. */
export class CommunityRecordView {
  @ApiProperty() memberSince: string;
  @ApiProperty({ nullable: true, type: Number }) contributionPoints: number | null;
  @ApiProperty({ nullable: true, type: Number }) answers: number | null;
  @ApiProperty({ nullable: true, type: Number }) ideas: number | null;
  @ApiProperty({ nullable: true, type: Number }) reviews: number | null;
  @ApiProperty({ nullable: true, type: Number }) purchases: number | null;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ApplicantView }) applicant: ApplicantView;
  @ApiProperty() organisationName: string;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty() namespace: string;
  @ApiProperty() plan: string;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) decisionMessage: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The partner created on approval' }) partnerNamespace: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ type: [ApplicationHistoryEntry], description: 'Oldest first' }) history: ApplicationHistoryEntry[];
  @ApiPropertyOptional({ type: CommunityRecordView, description: 'Staff only' }) community?: CommunityRecordView;
}

export class ApplicationQueueItem extends OmitType(ApplicationView, ['history', 'community'] as const) {
  @ApiProperty({ description: 'Whole hours since it was (re)submitted' }) ageHours: number;
}

export class ApplicationQueuePage {
  @ApiProperty({ type: [ApplicationQueueItem] }) items: ApplicationQueueItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ApplicationList {
  @ApiProperty({ type: [ApplicationView], description: 'Newest first' }) items: ApplicationView[];
}

export class NamespaceCheckView {
  @ApiProperty() namespace: string;
  @ApiProperty() available: boolean;
  @ApiPropertyOptional({ enum: ['NAMESPACE_INVALID', 'NAMESPACE_RESERVED', 'NAMESPACE_TAKEN', 'NAMESPACE_TOO_SIMILAR'] }) code?: string;
  @ApiPropertyOptional() message?: string;
}

type Loaded = PartnerApplication & { applicant: User };
type LoadedEvent = PartnerApplicationEvent & { actor?: User | null };

export function toQueueItem(application: Loaded, now: Date): ApplicationQueueItem {
  return { ...toSummary(application), ageHours: Math.floor((now.getTime() - application.submittedAt.getTime()) / 3_600_000) };
}

export function toApplicationView(application: Loaded, events: LoadedEvent[]): ApplicationView {
  return {
    ...toSummary(application),
    history: events.map((event) => ({
      at: event.createdAt.toISOString(),
      actor: event.actor ? { id: event.actor.id, displayName: event.actor.displayName } : null,
      action: event.action,
      message: event.message,
    })),
  };
}

export function toCommunityRecord(applicant: User): CommunityRecordView {
  return { memberSince: applicant.createdAt.toISOString(), contributionPoints: null, answers: null, ideas: null, reviews: null, purchases: null };
}

function toSummary(a: Loaded): Omit<ApplicationView, 'history' | 'community'> {
  return {
    id: a.id,
    applicant: { id: a.applicant.id, displayName: a.applicant.displayName, email: a.applicant.email },
    organisationName: a.organisationName,
    website: a.website,
    namespace: a.namespace,
    plan: a.plan,
    links: a.links,
    status: a.status,
    decisionMessage: a.decisionMessage,
    // Namespaces never change once a partner holds one, so the application's is the partner's.
    partnerNamespace: a.partnerId ? a.namespace : null,
    submittedAt: a.submittedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}
