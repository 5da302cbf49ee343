import { ApiProperty } from '@nestjs/swagger';
import { CONTRIBUTION_SOURCES } from '../contributions/contribution-policy.js';
import { MemberRefView } from '../people/member-ref.view.js';
import { LEADERBOARD_WINDOWS } from './credit-queries.js';

export class PolicyRuleView {
  @ApiProperty({ enum: CONTRIBUTION_SOURCES })
  source: string;

  @ApiProperty({ description: 'Points per award (for staff awards: the most one award may give)' })
  points: number;

  @ApiProperty({ type: Number, nullable: true, description: 'The most points the source gives a member per UTC day; null: no cap' })
  dailyCap: number | null;

  @ApiProperty()
  description: string;
}

export class ContributionPolicyView {
  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date' })
  effectiveFrom: string;

  @ApiProperty({ type: [PolicyRuleView] })
  rules: PolicyRuleView[];

  @ApiProperty({ type: [Number], description: 'Every policy version (each line of the log names the one that priced it)' })
  versions: number[];
}

export class BadgeView {
  @ApiProperty({ example: 'first_accepted_answer' })
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'What earns it' })
  description: string;

  @ApiProperty({ description: 'Members who hold it' })
  holders: number;
}

export class LeaderboardEntryView {
  @ApiProperty({ description: '1, 2, 3 …: points descending, equal points by member id' })
  rank: number;

  @ApiProperty({ type: MemberRefView })
  member: MemberRefView;

  @ApiProperty()
  points: number;

  @ApiProperty({ type: [String], description: 'Badge codes' })
  badges: string[];
}

export class LeaderboardView {
  @ApiProperty({ enum: LEADERBOARD_WINDOWS })
  window: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First UTC day counted (today included); null for all time' })
  from: string | null;

  @ApiProperty({ type: [LeaderboardEntryView] })
  items: LeaderboardEntryView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ContributionContentView {
  @ApiProperty({ example: 'answer', description: 'question, answer, idea, plugin_version, staff_award …' })
  type: string;

  @ApiProperty()
  id: string;

  @ApiProperty({ type: String, nullable: true, description: 'null when hidden (except to moderators) or when it has none' })
  title: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Portal path; null when hidden or when there is no page' })
  link: string | null;
}

export class ContributionLineView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['award', 'revocation'] })
  kind: string;

  @ApiProperty({ enum: CONTRIBUTION_SOURCES })
  source: string;

  @ApiProperty({ description: 'Positive for an award (0 when capped), negative for a revocation' })
  points: number;

  @ApiProperty({ description: 'The policy version that priced it' })
  ruleVersion: number;

  @ApiProperty({ type: ContributionContentView })
  content: ContributionContentView;

  @ApiProperty({ type: String, nullable: true, description: "A staff award's reason, or why an award was revoked" })
  reason: string | null;

  @ApiProperty({ type: String, nullable: true, description: "A staff award's prize note; for plugin versions, which version" })
  note: string | null;

  @ApiProperty({ description: 'Cut by its source’s daily cap' })
  capped: boolean;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class ContributionPageView {
  @ApiProperty({ type: [ContributionLineView] })
  items: ContributionLineView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class WindowNumbersView {
  @ApiProperty({ type: Number, nullable: true })
  last30Days: number | null;

  @ApiProperty({ type: Number, nullable: true })
  last12Months: number | null;

  @ApiProperty({ type: Number, nullable: true })
  allTime: number | null;
}

export class MemberPointsView {
  @ApiProperty()
  last30Days: number;

  @ApiProperty()
  last12Months: number;

  @ApiProperty()
  allTime: number;
}

export class MemberBadgeView {
  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date-time' })
  awardedAt: string;
}

export class MemberCountsView {
  @ApiProperty()
  questions: number;

  @ApiProperty()
  answers: number;

  @ApiProperty()
  acceptedAnswers: number;

  @ApiProperty()
  ideas: number;

  @ApiProperty()
  ideasShipped: number;
}

export class MemberProfileView {
  @ApiProperty({ type: MemberRefView })
  member: MemberRefView;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;

  @ApiProperty({ type: MemberPointsView })
  points: MemberPointsView;

  @ApiProperty({ type: WindowNumbersView, description: 'Leaderboard ranks; null where the member has no points' })
  ranks: WindowNumbersView;

  @ApiProperty({ type: [MemberBadgeView] })
  badges: MemberBadgeView[];

  @ApiProperty({ type: MemberCountsView })
  counts: MemberCountsView;

  @ApiProperty({ type: [ContributionLineView], description: 'The latest 10 lines of the log' })
  recent: ContributionLineView[];
}

/** What staff see of an engaged member (and what an advocate invitation keeps as it was). */
export class MemberRecordView {
  @ApiProperty()
  allTimePoints: number;

  @ApiProperty()
  last12MonthsPoints: number;

  @ApiProperty({ description: 'Standing accepted-answer awards' })
  acceptedAnswers: number;

  @ApiProperty({ description: 'Standing helpful votes received' })
  helpfulVotes: number;

  @ApiProperty()
  ideasPlanned: number;

  @ApiProperty()
  ideasShipped: number;

  @ApiProperty({ type: [String] })
  badges: string[];

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class InvitationRefView {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: MemberRefView, nullable: true })
  by: MemberRefView | null;
}

/** An engaged member on the advocate list: their record, their points in the list's window, any invitation. */
export class AdvocateView extends MemberRecordView {
  @ApiProperty({ type: MemberRefView })
  member: MemberRefView;

  @ApiProperty({ description: 'Points in the window' })
  points: number;

  @ApiProperty({ type: InvitationRefView, nullable: true })
  invitation: InvitationRefView | null;
}

export class AdvocateListView {
  @ApiProperty({ description: 'Days in the window (today included)' })
  days: number;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ type: [AdvocateView] })
  items: AdvocateView[];
}

export class AdvocateInvitationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: MemberRefView })
  member: MemberRefView;

  @ApiProperty({ type: MemberRefView, nullable: true })
  invitedBy: MemberRefView | null;

  @ApiProperty({ type: String, nullable: true })
  message: string | null;

  @ApiProperty({ type: MemberRecordView, description: 'The member’s record when invited' })
  record: MemberRecordView;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MyInvitationView {
  @ApiProperty({ type: AdvocateInvitationView, nullable: true })
  invitation: AdvocateInvitationView | null;
}
