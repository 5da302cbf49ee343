// Every entity and migration of every domain, in one place for TypeORM (app and CLI alike).
import { AuditEvent } from './audit/audit-event.entity.js';
import { Audit1795400000001 } from './audit/migrations/1795400000001-audit.js';
import { AdvocateInvitation } from './community/entities/advocate-invitation.entity.js';
import { Answer } from './community/entities/answer.entity.js';
import { CommunityComment } from './community/entities/comment.entity.js';
import { CommunityReport } from './community/entities/community-report.entity.js';
import { ContentRevision } from './community/entities/content-revision.entity.js';
import { ContributionAward } from './community/entities/contribution-award.entity.js';
import { ContributionEvent } from './community/entities/contribution-event.entity.js';
import { ContributionDaily, ContributionTotal, ContributionWindow, ContributionWindowState } from './community/entities/contribution-rollups.entity.js';
import { IdeaCredit } from './community/entities/idea-credit.entity.js';
import { IdeaStatusEvent } from './community/entities/idea-status-event.entity.js';
import { Idea } from './community/entities/idea.entity.js';
import { MemberBadge } from './community/entities/member-badge.entity.js';
import { Question } from './community/entities/question.entity.js';
import { AnswerVote, IdeaVote } from './community/entities/votes.entity.js';
import { Community1795400000009 } from './community/migrations/1795400000009-community.js';
import { CommunityReports1795400000010 } from './community/migrations/1795400000010-community-reports.js';
import { ApiToken } from './identity/api-token.entity.js';
import { Identity1795400000000 } from './identity/migrations/1795400000000-identity.js';
import { RefreshToken } from './identity/refresh-token.entity.js';
import { User } from './identity/user.entity.js';
import { Notifications1795400000003 } from './notifications/migrations/1795400000003-notifications.js';
import { Notification } from './notifications/notification.entity.js';
import { OutboxEmail } from './notifications/outbox-email.entity.js';
import { PartnerApplications1795400000005 } from './partner-applications/migrations/1795400000005-partner-applications.js';
import { PartnerApplicationEvent } from './partner-applications/partner-application-event.entity.js';
import { PartnerApplication } from './partner-applications/partner-application.entity.js';
import { Partners1795400000004 } from './partners/migrations/1795400000004-partners.js';
import { PartnerInvitation } from './partners/partner-invitation.entity.js';
import { PartnerMember } from './partners/partner-member.entity.js';
import { Partner } from './partners/partner.entity.js';
import { PluginStorage1795400000007 } from './plugin-storage/migrations/1795400000007-plugin-storage.js';
import { PluginStorageEntry } from './plugin-storage/plugin-storage-entry.entity.js';
import { PluginStorageUsage } from './plugin-storage/plugin-storage-usage.entity.js';
import { Plugins1795400000008 } from './plugins/migrations/1795400000008-plugins.js';
import { PluginListing } from './plugins/entities/plugin-listing.entity.js';
import { PluginReviewEvent } from './plugins/entities/plugin-review-event.entity.js';
import { PluginReview } from './plugins/entities/plugin-review.entity.js';
import { PluginVersion } from './plugins/entities/plugin-version.entity.js';
import { CursorPrecision1795400000006 } from './platform/database/migrations/1795400000006-cursor-precision.js';
import { Stripe1795400000002 } from './stripe/migrations/1795400000002-stripe.js';
import { StripeEventRecord } from './stripe/stripe-event.entity.js';

export const entities = [
  User,
  RefreshToken,
  ApiToken,
  AuditEvent,
  StripeEventRecord,
  Notification,
  OutboxEmail,
  Partner,
  PartnerMember,
  PartnerInvitation,
  PartnerApplication,
  PartnerApplicationEvent,
  PluginStorageEntry,
  PluginStorageUsage,
  PluginListing,
  PluginVersion,
  PluginReview,
  PluginReviewEvent,
  Question,
  Answer,
  AnswerVote,
  Idea,
  IdeaVote,
  IdeaStatusEvent,
  IdeaCredit,
  CommunityComment,
  ContentRevision,
  ContributionEvent,
  ContributionAward,
  ContributionDaily,
  ContributionTotal,
  ContributionWindow,
  ContributionWindowState,
  MemberBadge,
  AdvocateInvitation,
  CommunityReport,
];
export const migrations = [
  Identity1795400000000,
  Audit1795400000001,
  Stripe1795400000002,
  Notifications1795400000003,
  Partners1795400000004,
  PartnerApplications1795400000005,
  CursorPrecision1795400000006,
  PluginStorage1795400000007,
  Plugins1795400000008,
  Community1795400000009,
  CommunityReports1795400000010,
];
