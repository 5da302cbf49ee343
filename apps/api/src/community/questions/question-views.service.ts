import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { ListingAccess, type ListingRef } from '../../plugins/listing-access.service.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import { CommentsService } from '../comments/comments.service.js';
import { isModerator, seesHidden } from '../community-staff.js';
import { Answer } from '../entities/answer.entity.js';
import type { Question } from '../entities/question.entity.js';
import { hiddenView } from '../moderation/hidden.view.js';
import { CommunityPeople } from '../people/community-people.service.js';
import { excerpt } from '../../platform/markdown/excerpt.js';
import type { AnswerView, QuestionSummaryView, QuestionView } from './question.view.js';

/** Builds question and answer views for a viewer, a page at a time, in a fixed number of queries. */
@Injectable()
export class QuestionViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: CommunityPeople,
    private readonly comments: CommentsService,
    private readonly listings: ListingAccess,
    private readonly partners: PartnerAccess,
  ) {}

  async summaries(viewer: Caller | null, questions: Question[], manager: EntityManager = this.db.manager): Promise<QuestionSummaryView[]> {
    const people = await this.people.refs(questions.map((q) => q.authorId), manager);
    const listings = await this.listings.refs(viewer, questions.map((q) => q.listingId).filter((id): id is string => !!id), manager);
    const acceptedIds = questions.map((q) => q.acceptedAnswerId).filter((id): id is string => !!id);
    const shownAccepted = acceptedIds.length
      ? new Set((await manager.getRepository(Answer).find({ where: { id: In(acceptedIds), hiddenAt: IsNull() }, select: { id: true } })).map((a) => a.id))
      : new Set<string>();
    return questions.map((question) => ({
      id: question.id,
      title: question.title,
      excerpt: excerpt(question.body),
      tags: question.tags,
      listing: listingRef(question.listingId ? listings.get(question.listingId) : undefined),
      author: CommunityPeople.orUnknown(people, question.authorId),
      answerCount: question.answerCount,
      accepted: !!question.acceptedAnswerId && shownAccepted.has(question.acceptedAnswerId),
      createdAt: question.createdAt.toISOString(),
      lastActivityAt: question.lastActivityAt.toISOString(),
      hidden: hiddenView(question),
    }));
  }

  /** The whole question page: answers (accepted, then most helpful, then oldest) and comments the viewer may see. */
  async question(viewer: Caller | null, question: Question, manager: EntityManager = this.db.manager): Promise<QuestionView> {
    const [summary] = await this.summaries(viewer, [question], manager);
    const rows = await manager.getRepository(Answer).find({ where: { questionId: question.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const answers = await this.answers(viewer, question, rows, manager);
    const order = (a: AnswerView) => (a.accepted ? 0 : 1);
    answers.sort((a, b) => order(a) - order(b) || b.helpfulCount - a.helpfulCount || a.createdAt.localeCompare(b.createdAt));
    const comments = await this.comments.listFor(viewer, 'question', [question.id], manager);
    const author = viewer?.userId === question.authorId;
    return {
      ...summary,
      body: question.body,
      bodyHtml: renderMarkdown(question.body),
      editedAt: question.editedAt?.toISOString() ?? null,
      acceptedAnswerId: answers.find((a) => a.accepted)?.id ?? null,
      comments: comments.get(question.id) ?? [],
      answers,
      viewer: { canEdit: author || isModerator(viewer), canAccept: author && viewer?.via === 'session', canModerate: isModerator(viewer) },
    };
  }

  async answer(viewer: Caller | null, question: Question, answer: Answer, manager: EntityManager = this.db.manager): Promise<AnswerView> {
    const [view] = await this.answers(viewer, question, [answer], manager);
    return view;
  }

  /** The answers of one question the viewer may see, in the order given. */
  private async answers(viewer: Caller | null, question: Question, rows: Answer[], manager: EntityManager): Promise<AnswerView[]> {
    const visible = rows.filter((row) => !row.hiddenAt || seesHidden(viewer, row.authorId));
    if (visible.length === 0) return [];
    const ids = visible.map((row) => row.id);
    const authorIds = visible.map((row) => row.authorId);
    const people = await this.people.refs(authorIds, manager);
    const listing = question.listingId ? (await this.listings.refs(viewer, [question.listingId], manager)).get(question.listingId) : undefined;
    const teams = listing ? await this.partners.partnersOfUsers(authorIds, manager) : new Map<string, { id: string }[]>();
    const voted = viewer
      ? new Set(
          (await manager.query<Array<{ answer_id: string }>>(`SELECT answer_id FROM answer_votes WHERE voter_id = $1 AND answer_id = ANY($2::uuid[])`, [viewer.userId, ids])).map(
            (row) => row.answer_id,
          ),
        )
      : new Set<string>();
    const comments = await this.comments.listFor(viewer, 'answer', ids, manager);
    return visible.map((row) => ({
      id: row.id,
      questionId: row.questionId,
      author: CommunityPeople.orUnknown(people, row.authorId),
      body: row.body,
      bodyHtml: renderMarkdown(row.body),
      helpfulCount: row.helpfulCount,
      votedHelpful: voted.has(row.id),
      accepted: question.acceptedAnswerId === row.id,
      byListingPartner: !!listing && (teams.get(row.authorId) ?? []).some((partner) => partner.id === listing.partnerId),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      hidden: hiddenView(row),
      comments: comments.get(row.id) ?? [],
    }));
  }
}

function listingRef(ref: ListingRef | undefined): { name: string; displayName: string } | null {
  return ref ? { name: ref.name, displayName: ref.displayName } : null;
}
