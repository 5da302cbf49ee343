import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { assertReviewer } from '../identity/reviewers.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PartnersService } from '../partners/partners.service.js';
import { containsPattern, keysetPage, toPage } from '../platform/http/pagination.js';
import type { ApplicationQueueQuery } from './partner-application.dto.js';
import { PartnerApplication, type ApplicationStatus } from './partner-application.entity.js';
import { toQueueItem, type ApplicationQueuePage, type ApplicationView } from './partner-application.view.js';
import { PartnerApplicationError } from './partner-applications.errors.js';
import { PartnerApplicationsRepository, type LoadedApplication } from './partner-applications.repository.js';

type Decision = 'approved' | 'rejected' | 'changes_requested';

const NOTICE: Record<Decision, { title: string; body: (a: PartnerApplication, message: string | null) => string }> = {
  approved: {
    title: 'Your partner application was approved',
    body: (a, message) => `Welcome to the partner program: ${a.organisationName} now holds the namespace "${a.namespace}".${message ? `\n\n${message}` : ''}`,
  },
  rejected: {
    title: 'Your partner application was not accepted',
    body: (a, message) => `The reviewers did not accept the application for ${a.organisationName}:\n\n${message ?? ''}`,
  },
  changes_requested: {
    title: 'Changes requested on your partner application',
    body: (a, message) => `The reviewers ask for changes to the application for ${a.organisationName} before deciding:\n\n${message ?? ''}`,
  },
};

/** Staff's side: the queue of applications and the decisions on them. */
@Injectable()
export class PartnerApplicationReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: PartnerApplicationsRepository,
    private readonly partners: PartnersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** Oldest first: the queue is worked from the front. */
  async queue(caller: Caller, query: ApplicationQueueQuery): Promise<ApplicationQueuePage> {
    assertReviewer(caller);
    const qb = this.db.manager
      .getRepository(PartnerApplication)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.applicant', 'u')
      .where('a.status = :status', { status: query.status ?? 'submitted' });
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(
        new Brackets((w) =>
          ['lower(a.organisationName)', 'a.namespace', 'u.email', 'lower(u.displayName)'].forEach((column) => w.orWhere(`${column} LIKE :pattern`, { pattern })),
        ),
      );
    }
    const limit = keysetPage(qb, query, { column: 'submittedAt', direction: 'ASC' });
    const now = new Date();
    return toPage((await qb.getMany()) as LoadedApplication[], limit, (row) => toQueueItem(row, now), (row) => ({ createdAt: row.submittedAt, id: row.id }));
  }

  approve(caller: Caller, id: string, message?: string): Promise<ApplicationView> {
    return this.decide(caller, id, 'approved', message ?? null, async (tx, application) => {
      const partner = await this.partners.createForApplication(
        { applicationId: application.id, name: application.organisationName, website: application.website, namespace: application.namespace, ownerId: application.applicantId },
        tx,
      );
      application.partnerId = partner.id;
    });
  }

  reject(caller: Caller, id: string, message: string): Promise<ApplicationView> {
    return this.decide(caller, id, 'rejected', message);
  }

  requestChanges(caller: Caller, id: string, message: string): Promise<ApplicationView> {
    return this.decide(caller, id, 'changes_requested', message);
  }

  /**
   * One decision on a submitted application: the row is locked first, so of two reviewers acting
   * at once the second sees the first's outcome and gets APPLICATION_STATE. The change, its
   * history line, the audit record and the applicant's notification commit together.
   */
  private async decide(
    caller: Caller,
    id: string,
    decision: Decision,
    message: string | null,
    effect?: (tx: EntityManager, application: PartnerApplication) => Promise<void>,
  ): Promise<ApplicationView> {
    assertReviewer(caller);
    return this.db.transaction(async (tx) => {
      const application = await this.applications.lock(tx, id);
      if (!application) throw new PartnerApplicationError('APPLICATION_NOT_FOUND', 'No application has this id.');
      if (application.status !== 'submitted') {
        throw new PartnerApplicationError('APPLICATION_STATE', `This application is ${application.status}; only a submitted application can be decided.`, {
          status: application.status,
        });
      }
      await effect?.(tx, application);
      const final = decision !== 'changes_requested';
      Object.assign(application, {
        status: decision satisfies ApplicationStatus,
        decisionMessage: message,
        decidedBy: caller.userId,
        decidedAt: final ? new Date() : null,
      });
      await this.applications.save(tx, application);
      await this.applications.addEvent(tx, id, caller.userId, decision, message);
      await this.audit.record(
        {
          action: `partner_application.${decision}`,
          actorId: caller.userId,
          targetType: 'partner_application',
          targetId: id,
          ip: caller.ip,
          details: { namespace: application.namespace, applicantId: application.applicantId, partnerId: application.partnerId, message },
        },
        tx,
      );
      const notice = NOTICE[decision];
      await this.notifications.notify(
        { userId: application.applicantId, kind: `partner_application.${decision}`, title: notice.title, body: notice.body(application, message), link: '/partner-program', email: true },
        tx,
      );
      return this.applications.view(tx, id);
    });
  }
}
