import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { ApplicantRecord } from '../community/credit/applicant-records.service.js';
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

/** The applicant's community record, for reviewers (reviews and purchases arrive with ratings and commerce: null until then). */
export class CommunityRecordView {
  @ApiProperty() memberSince: string;
  @ApiProperty({ nullable: true, type: Number, description: 'All-time contribution points' }) contributionPoints: number | null;
  @ApiProperty({ description: 'Contribution points over the last 12 months' }) last12MonthsPoints: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Visible answers written' }) answers: number | null;
  @ApiProperty({ description: 'Answers the asker accepted' }) acceptedAnswers: number;
  @ApiProperty({ description: 'Helpful votes received' }) helpfulVotes: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Visible ideas submitted' }) ideas: number | null;
  @ApiProperty() ideasShipped: number;
  @ApiProperty({ type: [String], description: 'Badge codes' }) badges: string[];
  @ApiProperty({ nullable: true, type: Number }) reviews: number | null;
  @ApiProperty({ nullable: true, type: Number }) purchases: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'When staff invited the applicant to apply (advocate discovery)' }) invitedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who invited them' }) invitedBy: string | null;
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

export function toCommunityRecord(applicant: User, record: ApplicantRecord): CommunityRecordView {
  return {
    memberSince: applicant.createdAt.toISOString(),
    contributionPoints: record.allTimePoints,
    last12MonthsPoints: record.last12MonthsPoints,
    answers: record.answers,
    acceptedAnswers: record.acceptedAnswers,
    helpfulVotes: record.helpfulVotes,
    ideas: record.ideas,
    ideasShipped: record.ideasShipped,
    badges: record.badges,
    reviews: null,
    purchases: null,
    invitedAt: record.invitation?.at ?? null,
    invitedBy: record.invitation?.by ?? null,
  };
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
