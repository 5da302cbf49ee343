import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { notFound } from '../community.errors.js';
import { assertModerator } from '../community-staff.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { Answer } from '../entities/answer.entity.js';
import { Question } from '../entities/question.entity.js';
import { applyModeration, HIDDEN_REASON, moderationStep, type Within } from '../moderation/moderation.js';
import { UNACCEPTED_REASON } from './answer-acceptance.service.js';
import { awardKeys } from './question-records.js';
import { QuestionViews } from './question-views.service.js';
import type { AnswerView, QuestionView } from './question.view.js';

/**
 * Moderators hide questions and answers with a reason (audited) and show them again. Hiding takes
 * back every award the content earned (a question's answers too); showing it again awards them
 * again, except for answers that stay hidden on their own or under a hidden question.
 */
@Injectable()
export class QuestionModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: QuestionViews,
    private readonly contributions: ContributionsService,
    private readonly audit: AuditService,
  ) {}

  async question(caller: Caller, id: string, hide: { reason: string } | null, within?: Within): Promise<QuestionView> {
    assertModerator(caller);
    return moderationStep(this.db, this.contributions, within, async (tx, earners) => {
      const question = await tx.getRepository(Question).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw notFound.question();
      await applyModeration(tx, this.audit, caller, { type: 'question', id, content: question }, hide);
      await tx.getRepository(Question).save(question);
      const answers = await tx.getRepository(Answer).find({ where: { questionId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
      if (hide) {
        earners.push(...(await this.contributions.revokeContent(tx, { type: 'question', id }, HIDDEN_REASON)));
        for (const answer of answers) earners.push(...(await this.contributions.revokeContent(tx, { type: 'answer', id: answer.id }, HIDDEN_REASON)));
      } else {
        earners.push(...(await this.contributions.restoreContent(tx, { type: 'question', id }, HIDDEN_REASON)));
        for (const answer of answers.filter((a) => !a.hiddenAt)) earners.push(...(await this.restoreAnswer(tx, question, answer.id)));
      }
      return this.views.question(caller, question, tx);
    });
  }

  async answer(caller: Caller, id: string, hide: { reason: string } | null, within?: Within): Promise<AnswerView> {
    assertModerator(caller);
    return moderationStep(this.db, this.contributions, within, async (tx, earners) => {
      const peek = await tx.getRepository(Answer).findOne({ where: { id }, select: { id: true, questionId: true } });
      if (!peek) throw notFound.answer();
      // The question first (its answer count moves), then the answer: the order every Q&A write locks in.
      const question = await tx.getRepository(Question).findOneOrFail({ where: { id: peek.questionId }, lock: { mode: 'pessimistic_write' } });
      const answer = await tx.getRepository(Answer).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      await applyModeration(tx, this.audit, caller, { type: 'answer', id, content: answer }, hide);
      await tx.getRepository(Answer).save(answer);
      question.answerCount += hide ? -1 : 1;
      await tx.getRepository(Question).update({ id: question.id }, { answerCount: question.answerCount });
      if (hide) earners.push(...(await this.contributions.revokeContent(tx, { type: 'answer', id }, HIDDEN_REASON)));
      else if (!question.hiddenAt) earners.push(...(await this.restoreAnswer(tx, question, id)));
      return this.views.answer(caller, question, answer, tx);
    });
  }

  /**
   * Awards again what hiding took from the answer. An acceptance that was replaced or taken back
   * while it was hidden no longer stands: revoking it first records that, so it is not restored.
   */
  private async restoreAnswer(tx: EntityManager, question: Question, answerId: string): Promise<string[]> {
    if (question.acceptedAnswerId !== answerId) await this.contributions.revoke(tx, awardKeys.accepted(answerId), UNACCEPTED_REASON);
    return this.contributions.restoreContent(tx, { type: 'answer', id: answerId }, HIDDEN_REASON);
  }
}
