import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { Caller } from '../identity/caller.js';
import { ApplicantRecords } from '../community/credit/applicant-records.service.js';
import { PartnersService } from '../partners/partners.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { judgeNamespace } from './application-namespace.policy.js';
import { isReviewer } from '../identity/reviewers.js';
import type { CreateApplicationDto, UpdateApplicationDto } from './partner-application.dto.js';
import { OPEN_STATUSES, PartnerApplication, type ApplicationStatus } from './partner-application.entity.js';
import { toCommunityRecord, type ApplicationView, type NamespaceCheckView } from './partner-application.view.js';
import { PartnerApplicationError } from './partner-applications.errors.js';
import { PartnerApplicationsRepository } from './partner-applications.repository.js';

const DAY_MS = 86_400_000;

/** A member's side of the partner program: applying, following and amending their application. */
@Injectable()
export class PartnerApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: PartnerApplicationsRepository,
    private readonly config: GuildConfig,
    private readonly partners: PartnersService,
    private readonly community: ApplicantRecords,
  ) {}

  /** Namespaces partners hold plus those open applications ask for (but not the applicant's own). */
  private async takenNamespaces(manager: EntityManager, applicantId: string): Promise<string[]> {
    return [...(await this.partners.namespaces(manager)), ...(await this.applications.openApplicationNamespaces(manager, applicantId))];
  }

  async checkNamespace(caller: Caller, namespace: string): Promise<NamespaceCheckView> {
    const problem = judgeNamespace(namespace, await this.takenNamespaces(this.db.manager, caller.userId));
    return problem ? { namespace, available: false, code: problem.code, message: problem.message } : { namespace, available: true };
  }

  async apply(caller: Caller, input: CreateApplicationDto): Promise<ApplicationView> {
    return this.mapConflicts(() =>
      this.db.transaction(async (tx) => {
        if ((await this.applications.countOpen(tx, caller.userId)) > 0) throw alreadyOpen();
        await this.assertCooledDown(tx, caller.userId);
        await this.assertNamespaceFree(tx, input.namespace, caller.userId);
        const application = await this.applications.save(
          tx,
          tx.getRepository(PartnerApplication).create({
            applicantId: caller.userId,
            organisationName: input.organisationName,
            website: input.website ?? null,
            namespace: input.namespace,
            plan: input.plan,
            links: input.links ?? [],
            status: 'submitted',
            submittedAt: new Date(),
          }),
        );
        await this.applications.addEvent(tx, application.id, caller.userId, 'submitted');
        return this.applications.view(tx, application.id);
      }),
    );
  }

  async mine(caller: Caller): Promise<{ items: ApplicationView[] }> {
    return { items: await this.applications.views(this.db.manager, await this.applications.findByApplicant(this.db.manager, caller.userId)) };
  }

  /** The applicant sees their own; reviewers and admins see any, with the applicant's community record. */
  async get(caller: Caller, id: string): Promise<ApplicationView> {
    const application = await this.applications.findLoaded(this.db.manager, id);
    const isStaff = isReviewer(caller);
    if (!application || (application.applicantId !== caller.userId && !isStaff)) throw notFound();
    const [view] = await this.applications.views(this.db.manager, [application]);
    return isStaff ? { ...view, community: toCommunityRecord(application.applicant, await this.community.of(application.applicantId)) } : view;
  }

  async update(caller: Caller, id: string, changes: UpdateApplicationDto): Promise<ApplicationView> {
    return this.mapConflicts(() =>
      this.db.transaction(async (tx) => {
        const application = await this.lockOwn(tx, caller, id, ['changes_requested'], 'edited');
        if (changes.namespace !== undefined && changes.namespace !== application.namespace) {
          await this.assertNamespaceFree(tx, changes.namespace, caller.userId);
        }
        const before = JSON.stringify(editable(application));
        Object.assign(application, definedOnly(changes));
        if (JSON.stringify(editable(application)) !== before) {
          await this.applications.save(tx, application);
          await this.applications.addEvent(tx, id, caller.userId, 'edited');
        }
        return this.applications.view(tx, id);
      }),
    );
  }

  async resubmit(caller: Caller, id: string): Promise<ApplicationView> {
    return this.db.transaction(async (tx) => {
      const application = await this.lockOwn(tx, caller, id, ['changes_requested'], 'resubmitted');
      // Back in the queue: its age counts from now, and the reviewer's request lives on in the history.
      Object.assign(application, { status: 'submitted', submittedAt: new Date(), decisionMessage: null, decidedBy: null });
      await this.applications.save(tx, application);
      await this.applications.addEvent(tx, id, caller.userId, 'resubmitted');
      return this.applications.view(tx, id);
    });
  }

  async withdraw(caller: Caller, id: string): Promise<ApplicationView> {
    return this.db.transaction(async (tx) => {
      const application = await this.lockOwn(tx, caller, id, OPEN_STATUSES, 'withdrawn');
      application.status = 'withdrawn';
      await this.applications.save(tx, application);
      await this.applications.addEvent(tx, id, caller.userId, 'withdrawn');
      return this.applications.view(tx, id);
    });
  }

  private async lockOwn(tx: EntityManager, caller: Caller, id: string, from: readonly ApplicationStatus[], action: string): Promise<PartnerApplication> {
    const application = await this.applications.lock(tx, id);
    if (!application || application.applicantId !== caller.userId) throw notFound();
    if (!from.includes(application.status)) {
      throw new PartnerApplicationError('APPLICATION_STATE', `This application is ${application.status}; it cannot be ${action} now.`, {
        status: application.status,
      });
    }
    return application;
  }

  private async assertCooledDown(tx: EntityManager, applicantId: string): Promise<void> {
    const rejectedAt = await this.applications.lastRejectionAt(tx, applicantId);
    if (!rejectedAt) return;
    const availableAt = new Date(rejectedAt.getTime() + this.config.partnerReapplyCooldownDays * DAY_MS);
    if (availableAt > new Date()) {
      throw new PartnerApplicationError('REAPPLY_COOLDOWN', `After a rejection you can apply again from ${availableAt.toISOString()}.`, {
        availableAt: availableAt.toISOString(),
      });
    }
  }

  private async assertNamespaceFree(tx: EntityManager, namespace: string, applicantId: string): Promise<void> {
    await this.applications.lockNamespaceClaims(tx);
    const problem = judgeNamespace(namespace, await this.takenNamespaces(tx, applicantId));
    if (problem) {
      const details = problem.similarTo ? { field: 'namespace', similarTo: problem.similarTo } : { field: 'namespace' };
      throw new PartnerApplicationError(problem.code, problem.message, details);
    }
  }

  /** A racing request that slipped past the checks meets the unique indexes; answer it as the check would have. */
  private async mapConflicts<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'ux_partner_applications_open_applicant') throw alreadyOpen();
      if (constraint === 'ux_partner_applications_open_namespace') {
        throw new PartnerApplicationError('NAMESPACE_TAKEN', 'This namespace was just taken by another application; choose another.', { field: 'namespace' });
      }
      throw error;
    }
  }
}

const notFound = () => new PartnerApplicationError('APPLICATION_NOT_FOUND', 'No application of yours has this id.');
const alreadyOpen = () =>
  new PartnerApplicationError('APPLICATION_ALREADY_OPEN', 'You already have an application under review; withdraw it or wait for the decision.');

const editable = (a: PartnerApplication) => [a.organisationName, a.website, a.namespace, a.plan, a.links];

function definedOnly(changes: UpdateApplicationDto): Partial<PartnerApplication> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
