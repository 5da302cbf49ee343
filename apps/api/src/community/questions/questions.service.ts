import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { ListingAccess } from '../../plugins/listing-access.service.js';
import { CommentsService } from '../comments/comments.service.js';
import type { CommentView } from '../comments/comment.view.js';
import { CommunityError } from '../community.errors.js';
import { isModerator } from '../community-staff.js';
import { Question } from '../entities/question.entity.js';
import { PostingLimits } from '../posting-limits.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import type { RevisionView } from '../revisions/revision.view.js';
import type { AskQuestionDto, EditQuestionDto } from './question.dto.js';
import { assertOpen, visibleQuestion } from './question-records.js';
import { QuestionViews } from './question-views.service.js';
import type { QuestionView } from './question.view.js';

export interface MemberQuestionCounts {
  questions: number;
  answers: number;
  acceptedAnswers: number;
}

/** Asking, reading and editing questions, and commenting on them. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: QuestionViews,
    private readonly revisions: RevisionsService,
    private readonly comments: CommentsService,
    private readonly listings: ListingAccess,
    private readonly limits: PostingLimits,
  ) {}

  ask(caller: Caller, input: AskQuestionDto): Promise<QuestionView> {
    return this.db.transaction(async (tx) => {
      await this.limits.check(tx, caller, 'post');
      const listingId = input.listing ? await this.listings.visibleId(caller, input.listing, tx) : null;
      const question = await tx.getRepository(Question).save({
        authorId: caller.userId,
        title: input.title,
        body: input.body,
        tags: input.tags ?? [],
        listingId,
        acceptedAnswerId: null,
        answerCount: 0,
        editedAt: null,
        hiddenAt: null,
        hiddenBy: null,
        hiddenReason: null,
      });
      await this.revisions.record(tx, 'question', question.id, caller.userId, { title: question.title, body: question.body, tags: question.tags });
      return this.views.question(caller, await tx.getRepository(Question).findOneByOrFail({ id: question.id }), tx);
    });
  }

  async get(viewer: Caller | null, id: string): Promise<QuestionView> {
    return this.views.question(viewer, await visibleQuestion(this.db.manager, viewer, id));
  }

  /** Its author edits (a moderator may too); every version stays in the history. Sending what is already there changes nothing. */
  edit(caller: Caller, id: string, input: EditQuestionDto): Promise<QuestionView> {
    return this.db.transaction(async (tx) => {
      const question = await visibleQuestion(tx, caller, id, { lock: true });
      if (question.authorId !== caller.userId && !isModerator(caller)) throw new CommunityError('EDIT_FORBIDDEN', 'Only the author of a question (or a moderator) may edit it.');
      const next = { title: input.title ?? question.title, body: input.body ?? question.body, tags: input.tags ?? question.tags };
      const changed = next.title !== question.title || next.body !== question.body || next.tags.join(',') !== question.tags.join(',');
      if (changed) {
        Object.assign(question, next, { editedAt: new Date() });
        await tx.getRepository(Question).save(question);
        await this.revisions.record(tx, 'question', id, caller.userId, next);
      }
      return this.views.question(caller, question, tx);
    });
  }

  async history(viewer: Caller | null, id: string): Promise<RevisionView[]> {
    await visibleQuestion(this.db.manager, viewer, id);
    return this.revisions.list('question', id);
  }

  comment(caller: Caller, id: string, body: string): Promise<CommentView> {
    return this.db.transaction(async (tx) => {
      const question = await visibleQuestion(tx, caller, id, { lock: true });
      assertOpen(question);
      const comment = await this.comments.add(tx, caller, 'question', id, body);
      await tx.getRepository(Question).update({ id }, { lastActivityAt: new Date() });
      return comment;
    });
  }

  /** What a member's profile counts: their visible questions, visible answers on visible questions, and those accepted. */
  async countsFor(userId: string): Promise<MemberQuestionCounts> {
    const rows = await this.db.query<Array<{ questions: string; answers: string; accepted: string }>>(
      `SELECT (SELECT count(*) FROM questions WHERE author_id = $1 AND hidden_at IS NULL) AS questions,
              count(a.id) AS answers,
              count(a.id) FILTER (WHERE q.accepted_answer_id = a.id) AS accepted
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.author_id = $1 AND a.hidden_at IS NULL AND q.hidden_at IS NULL`,
      [userId],
    );
    const row = rows[0];
    return { questions: Number(row?.questions ?? 0), answers: Number(row?.answers ?? 0), acceptedAnswers: Number(row?.accepted ?? 0) };
  }
}
