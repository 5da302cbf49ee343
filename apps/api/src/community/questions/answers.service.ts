import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { CommentsService } from '../comments/comments.service.js';
import type { CommentView } from '../comments/comment.view.js';
import { CommunityError } from '../community.errors.js';
import { isModerator } from '../community-staff.js';
import { Answer } from '../entities/answer.entity.js';
import { Question } from '../entities/question.entity.js';
import { PostingLimits } from '../posting-limits.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import type { RevisionView } from '../revisions/revision.view.js';
import { assertOpen, visibleAnswer, visibleQuestion } from './question-records.js';
import { QuestionViews } from './question-views.service.js';
import type { AnswerView } from './question.view.js';

/** Answering, editing answers and commenting on them. */
@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: QuestionViews,
    private readonly revisions: RevisionsService,
    private readonly comments: CommentsService,
    private readonly notifications: NotificationsService,
    private readonly limits: PostingLimits,
  ) {}

  /** A new answer; the question's answer count and activity move with it, and the asker is told. */
  answer(caller: Caller, questionId: string, body: string): Promise<AnswerView> {
    return this.db.transaction(async (tx) => {
      const question = await visibleQuestion(tx, caller, questionId, { lock: true });
      assertOpen(question);
      // After the question's lock: the member's posting lock is always taken last, so locks never cross.
      await this.limits.check(tx, caller, 'reply');
      const answer = await tx.getRepository(Answer).save({ questionId, authorId: caller.userId, body, helpfulCount: 0, editedAt: null, hiddenAt: null, hiddenBy: null, hiddenReason: null });
      await this.revisions.record(tx, 'answer', answer.id, caller.userId, { body });
      Object.assign(question, { answerCount: question.answerCount + 1, lastActivityAt: new Date() });
      await tx.getRepository(Question).save(question);
      if (question.authorId !== caller.userId) {
        await this.notifications.notify(
          { userId: question.authorId, kind: 'community.question_answered', title: 'New answer to your question', body: question.title, link: `/community/questions/${questionId}` },
          tx,
        );
      }
      return this.views.answer(caller, question, await tx.getRepository(Answer).findOneByOrFail({ id: answer.id }), tx);
    });
  }

  /** Its author edits (a moderator may too); every version stays in the history. */
  edit(caller: Caller, id: string, body: string): Promise<AnswerView> {
    return this.db.transaction(async (tx) => {
      const { answer, question } = await visibleAnswer(tx, caller, id, { lock: true });
      if (answer.authorId !== caller.userId && !isModerator(caller)) throw new CommunityError('EDIT_FORBIDDEN', 'Only the author of an answer (or a moderator) may edit it.');
      if (answer.body !== body) {
        Object.assign(answer, { body, editedAt: new Date() });
        await tx.getRepository(Answer).save(answer);
        await this.revisions.record(tx, 'answer', id, caller.userId, { body });
      }
      return this.views.answer(caller, question, answer, tx);
    });
  }

  async history(viewer: Caller | null, id: string): Promise<RevisionView[]> {
    await visibleAnswer(this.db.manager, viewer, id);
    return this.revisions.list('answer', id);
  }

  comment(caller: Caller, id: string, body: string): Promise<CommentView> {
    return this.db.transaction(async (tx) => {
      const { answer, question } = await visibleAnswer(tx, caller, id, { lock: true });
      assertOpen(question, answer);
      const comment = await this.comments.add(tx, caller, 'answer', id, body);
      await tx.getRepository(Question).update({ id: question.id }, { lastActivityAt: new Date() });
      return comment;
    });
  }
}
