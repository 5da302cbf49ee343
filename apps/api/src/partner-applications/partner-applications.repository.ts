import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { User } from '../identity/user.entity.js';
import { PartnerApplicationEvent, type ApplicationAction } from './partner-application-event.entity.js';
import { OPEN_STATUSES, PartnerApplication } from './partner-application.entity.js';
import { toApplicationView, type ApplicationView } from './partner-application.view.js';

export type LoadedApplication = PartnerApplication & { applicant: User };

/** The domain's SQL. Every method takes the manager to run on: the transaction's, inside one. */
@Injectable()
export class PartnerApplicationsRepository {
  /** Locks the row until the transaction ends, so concurrent decisions see each other's outcome. */
  lock(manager: EntityManager, id: string): Promise<PartnerApplication | null> {
    return manager.getRepository(PartnerApplication).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, application: PartnerApplication): Promise<PartnerApplication> {
    return manager.getRepository(PartnerApplication).save(application);
  }

  async addEvent(manager: EntityManager, applicationId: string, actorId: string, action: ApplicationAction, message: string | null = null): Promise<void> {
    await manager.getRepository(PartnerApplicationEvent).insert({ applicationId, actorId, action, message });
  }

  findLoaded(manager: EntityManager, id: string): Promise<LoadedApplication | null> {
    return manager.getRepository(PartnerApplication).findOne({ where: { id }, relations: { applicant: true } }) as Promise<LoadedApplication | null>;
  }

  findByApplicant(manager: EntityManager, applicantId: string): Promise<LoadedApplication[]> {
    return manager.getRepository(PartnerApplication).find({
      where: { applicantId },
      relations: { applicant: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    }) as Promise<LoadedApplication[]>;
  }

  countOpen(manager: EntityManager, applicantId: string): Promise<number> {
    return manager.getRepository(PartnerApplication).countBy({ applicantId, status: In([...OPEN_STATUSES]) });
  }

  /** When the member's most recent rejection was decided, if any. */
  async lastRejectionAt(manager: EntityManager, applicantId: string): Promise<Date | null> {
    const [row] = await manager.query<Array<{ at: Date | null }>>(
      `SELECT max(decided_at) AS at FROM partner_applications WHERE applicant_id = $1 AND status = 'rejected'`,
      [applicantId],
    );
    return row?.at ? new Date(row.at) : null;
  }

  /** Namespaces open applications ask for (but not `exceptApplicantId`'s own). */
  async openApplicationNamespaces(manager: EntityManager, exceptApplicantId?: string): Promise<string[]> {
    const rows = await manager.query<Array<{ namespace: string }>>(
      `SELECT namespace FROM partner_applications WHERE status IN ('submitted', 'changes_requested') AND applicant_id IS DISTINCT FROM $1`,
      [exceptApplicantId ?? null],
    );
    return rows.map((row) => row.namespace);
  }

  /** Serialises namespace claims until the transaction ends, so two look-alikes asked for at once cannot both pass. */
  async lockNamespaceClaims(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['partner-applications:namespace-claims']);
  }

  /** The applications with their history (oldest first) and who acted. */
  async views(manager: EntityManager, applications: LoadedApplication[]): Promise<ApplicationView[]> {
    if (applications.length === 0) return [];
    const events = await manager.getRepository(PartnerApplicationEvent).find({
      where: { applicationId: In(applications.map((a) => a.id)) },
      relations: { actor: true },
      order: { createdAt: 'ASC' },
    });
    return applications.map((application) => toApplicationView(application, events.filter((e) => e.applicationId === application.id)));
  }

  async view(manager: EntityManager, id: string): Promise<ApplicationView> {
    const application = await this.findLoaded(manager, id);
    if (!application) throw new Error(`partner application ${id} vanished`);
    const [view] = await this.views(manager, [application]);
    return view;
  }
}
