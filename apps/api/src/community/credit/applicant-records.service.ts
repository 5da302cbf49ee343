import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdvocateInvitation } from '../entities/advocate-invitation.entity.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { QuestionsService } from '../questions/questions.service.js';
import { CreditRecords } from './credit-records.js';
import type { MemberRecordView } from './credit.views.js';

export interface ApplicantRecord extends MemberRecordView {
  /** Visible answers and ideas the member wrote. */
  answers: number;
  ideas: number;
  /** Staff invited the member to apply (when, and who). */
  invitation: { at: string; by: string | null } | null;
}

/** What reviewers read beside a partner application: the applicant's community record and any invitation to apply. */
@Injectable()
export class ApplicantRecords {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly records: CreditRecords,
    private readonly questions: QuestionsService,
    private readonly ideas: IdeasService,
    private readonly people: CommunityPeople,
  ) {}

  async of(userId: string): Promise<ApplicantRecord> {
    const record = await this.records.record(userId);
    const { answers } = await this.questions.countsFor(userId);
    const { ideas } = await this.ideas.countsFor(userId);
    const invitation = await this.db.getRepository(AdvocateInvitation).findOneBy({ userId });
    const inviter = invitation?.invitedBy ? (await this.people.refs([invitation.invitedBy])).get(invitation.invitedBy) : undefined;
    return {
      ...record,
      answers,
      ideas,
      invitation: invitation ? { at: invitation.createdAt.toISOString(), by: inviter?.displayName ?? null } : null,
    };
  }
}
