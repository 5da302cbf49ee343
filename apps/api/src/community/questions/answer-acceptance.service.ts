import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { CommunityError } from '../community.errors.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { Question } from '../entities/question.entity.js';
import { assertOpen, awardKeys, visibleAnswer } from './question-records.js';
import { QuestionViews } from './question-views.service.js';
import type { QuestionView } from './question.view.js';

/** The revocation reason when an accepted answer stops being the accepted one. */
export const UNACCEPTED_REASON = 'unaccepted';

/**
 * Only the asker accepts an answer, one at a time: accepting another replaces it (and takes back
 * the points of the one replaced). The question row is locked, so two accepts in a race end with
 * one accepted answer and one standing award. Accepting one's own answer is allowed and earns nothing.
 */
@Injectable()
export class AnswerAcceptanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: QuestionViews,
    private readonly contributions: ContributionsService,
    private readonly notifications: NotificationsService,
  ) {}

  async accept(caller: Caller, id: string): Promise<QuestionView> {
    const earners: string[] = [];
    const view = await this.db.transaction(async (tx) => {
      const { answer, question } = await visibleAnswer(tx, caller, id, { lock: true });
      this.assertAsker(caller, question);
      assertOpen(question, answer);
      if (question.acceptedAnswerId !== id) {
        if (question.acceptedAnswerId) earners.push(...(await this.unaward(tx, question.acceptedAnswerId)));
        Object.assign(question, { acceptedAnswerId: id, lastActivityAt: new Date() });
        await tx.getRepository(Question).save(question);
        const outcome = await this.contributions.award(tx, {
          key: awardKeys.accepted(id),
          userId: answer.authorId,
          source: 'answer_accepted',
          content: { type: 'answer', id },
          actorId: caller.userId,
        });
        if (outcome.outcome === 'awarded') earners.push(answer.authorId);
        if (answer.authorId !== caller.userId) {
          await this.notifications.notify(
            { userId: answer.authorId, kind: 'community.answer_accepted', title: 'Your answer was accepted', body: question.title, link: `/community/questions/${question.id}` },
            tx,
          );
        }
      }
      return this.views.question(caller, question, tx);
    });
    await this.contributions.settle(earners);
    return view;
  }

  /** The asker takes acceptance back; unaccepting an answer that is not the accepted one changes nothing. */
  async unaccept(caller: Caller, id: string): Promise<QuestionView> {
    const earners: string[] = [];
    const view = await this.db.transaction(async (tx) => {
      const { answer, question } = await visibleAnswer(tx, caller, id, { lock: true });
      this.assertAsker(caller, question);
      assertOpen(question, answer);
      if (question.acceptedAnswerId === id) {
        Object.assign(question, { acceptedAnswerId: null, lastActivityAt: new Date() });
        await tx.getRepository(Question).save(question);
        earners.push(...(await this.unaward(tx, id)));
      }
      return this.views.question(caller, question, tx);
    });
    await this.contributions.settle(earners);
    return view;
  }

  private assertAsker(caller: Caller, question: Question): void {
    if (question.authorId !== caller.userId) throw new CommunityError('ANSWER_ACCEPT_FORBIDDEN', 'Only the member who asked the question may accept an answer.');
  }

  /** Takes back an acceptance award that stands; returns its earner. */
  private async unaward(tx: EntityManager, answerId: string): Promise<string[]> {
    const revoked = await this.contributions.revoke(tx, awardKeys.accepted(answerId), UNACCEPTED_REASON);
    return revoked ? [revoked.userId] : [];
  }
}
