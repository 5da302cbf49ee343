import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { excerpt } from '../../platform/markdown/excerpt.js';
import { Answer } from '../entities/answer.entity.js';
import { CommunityComment } from '../entities/comment.entity.js';
import type { ReportedContent } from '../entities/community-report.entity.js';
import type { Hideable } from '../entities/hidden.js';
import { Idea } from '../entities/idea.entity.js';
import { Question } from '../entities/question.entity.js';
import { visibleAnswer, visibleQuestion } from '../questions/question-records.js';
import { visibleComment } from '../comments/visible-comment.js';
import { visibleIdea } from '../ideas/idea-records.js';

// Reports belong to the community domain, so they read its content tables directly (as credit does).

export interface ContentRef {
  type: ReportedContent;
  id: string;
}

export interface ContentPreview {
  authorId: string;
  title: string | null;
  excerpt: string;
  link: string;
  content: Hideable;
}

export const contentKey = (ref: ContentRef): string => `${ref.type}:${ref.id}`;

/** The author of content `viewer` may see; else that content's own 404 (a comment is only as visible as what it is on). */
export async function visibleContentAuthor(manager: EntityManager, viewer: Caller, ref: ContentRef): Promise<string> {
  switch (ref.type) {
    case 'question':
      return (await visibleQuestion(manager, viewer, ref.id)).authorId;
    case 'answer':
      return (await visibleAnswer(manager, viewer, ref.id)).answer.authorId;
    case 'idea':
      return (await visibleIdea(manager, viewer, ref.id)).authorId;
    case 'comment':
      return (await visibleComment(manager, viewer, ref.id)).authorId;
  }
}

/** Whether the content is hidden now; null when it does not exist. */
export async function hiddenState(manager: EntityManager, ref: ContentRef): Promise<boolean | null> {
  const preview = (await contentPreviews(manager, [ref])).get(contentKey(ref));
  return preview ? preview.content.hiddenAt !== null : null;
}

/** Title, excerpt, author, portal link and moderation state of each content, as moderators see them (hidden included). */
export async function contentPreviews(manager: EntityManager, refs: readonly ContentRef[]): Promise<Map<string, ContentPreview>> {
  const ids = (type: ReportedContent) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const result = new Map<string, ContentPreview>();
  const set = (type: ReportedContent, id: string, preview: ContentPreview) => result.set(contentKey({ type, id }), preview);

  const comments = ids('comment').length ? await manager.getRepository(CommunityComment).find({ where: { id: In(ids('comment')) } }) : [];
  const answers = await findByIds(manager, Answer, [...ids('answer'), ...comments.filter((c) => c.targetType === 'answer').map((c) => c.targetId)]);
  const questionIds = [...ids('question'), ...[...answers.values()].map((a) => a.questionId)];
  const questions = await findByIds(manager, Question, questionIds);
  const ideas = await findByIds(manager, Idea, ids('idea'));

  for (const id of ids('question')) {
    const question = questions.get(id);
    if (question) set('question', id, { authorId: question.authorId, title: question.title, excerpt: excerpt(question.body), link: `/community/questions/${id}`, content: question });
  }
  for (const id of ids('answer')) {
    const answer = answers.get(id);
    if (answer) {
      const title = questions.get(answer.questionId)?.title ?? null;
      set('answer', id, { authorId: answer.authorId, title, excerpt: excerpt(answer.body), link: `/community/questions/${answer.questionId}`, content: answer });
    }
  }
  for (const id of ids('idea')) {
    const idea = ideas.get(id);
    if (idea) set('idea', id, { authorId: idea.authorId, title: idea.title, excerpt: excerpt(idea.body), link: `/community/ideas/${id}`, content: idea });
  }
  for (const comment of comments) {
    const questionId = comment.targetType === 'question' ? comment.targetId : comment.targetType === 'answer' ? answers.get(comment.targetId)?.questionId : undefined;
    const link = comment.targetType === 'idea' ? `/community/ideas/${comment.targetId}` : `/community/questions/${questionId ?? ''}`;
    set('comment', comment.id, { authorId: comment.authorId, title: null, excerpt: excerpt(comment.body), link, content: comment });
  }
  return result;
}

async function findByIds<T extends { id: string }>(manager: EntityManager, entity: new () => T, ids: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await manager.getRepository<T>(entity).findBy({ id: In(unique) } as FindOptionsWhere<T>);
  return new Map(rows.map((row) => [row.id, row]));
}
