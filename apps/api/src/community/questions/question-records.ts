import type { EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { CommunityError, notFound } from '../community.errors.js';
import { seesHidden } from '../community-staff.js';
import { Answer } from '../entities/answer.entity.js';
import { Question } from '../entities/question.entity.js';

// Reading questions and answers as a caller may see them. Hidden content answers the same 404 as
// content that does not exist, except to its author and to moderators; an answer is only as
// visible as its question. Locks: the question row first, then the answer, always in that order.

export interface Lock {
  lock?: boolean;
}

const lockOption = (options: Lock) => (options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {});

/** The question, when `viewer` may see it; else QUESTION_NOT_FOUND. */
export async function visibleQuestion(manager: EntityManager, viewer: Caller | null, id: string, options: Lock = {}): Promise<Question> {
  const question = await manager.getRepository(Question).findOne({ where: { id }, ...lockOption(options) });
  if (!question || (question.hiddenAt && !seesHidden(viewer, question.authorId))) throw notFound.question();
  return question;
}

/** The answer and its question, when `viewer` may see both; else ANSWER_NOT_FOUND. With `lock`, the question row is locked, then the answer's. */
export async function visibleAnswer(manager: EntityManager, viewer: Caller | null, id: string, options: Lock = {}): Promise<{ answer: Answer; question: Question }> {
  const peek = await manager.getRepository(Answer).findOne({ where: { id }, select: { id: true, questionId: true } });
  if (!peek) throw notFound.answer();
  const question = await manager.getRepository(Question).findOne({ where: { id: peek.questionId }, ...lockOption(options) });
  const answer = await manager.getRepository(Answer).findOne({ where: { id }, ...lockOption(options) });
  if (!question || !answer) throw notFound.answer();
  if (question.hiddenAt && !seesHidden(viewer, question.authorId)) throw notFound.answer();
  if (answer.hiddenAt && !seesHidden(viewer, answer.authorId)) throw notFound.answer();
  return { answer, question };
}

/** Nothing new happens on hidden content (its author and moderators still see it, so they are told why). */
export function assertOpen(question: Question, answer?: Answer): void {
  if (question.hiddenAt) throw new CommunityError('CONTENT_HIDDEN', `This question was hidden by a moderator (${question.hiddenReason}); it takes no new answers, comments, votes or acceptance.`);
  if (answer?.hiddenAt) throw new CommunityError('CONTENT_HIDDEN', `This answer was hidden by a moderator (${answer.hiddenReason}); it takes no new comments, votes or acceptance.`);
}

/** Award keys of the Q&A, one standing award each. */
export const awardKeys = {
  helpfulVote: (answerId: string, voterId: string) => `helpful_vote:${answerId}:${voterId}`,
  accepted: (answerId: string) => `answer_accepted:${answerId}`,
};
