import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { CommunityError } from '../community.errors.js';
import { ContributionsService } from '../contributions/contributions.service.js';
import { Answer } from '../entities/answer.entity.js';
import { AnswerVote } from '../entities/votes.entity.js';
import { assertOpen, awardKeys, visibleAnswer } from './question-records.js';
import { QuestionViews } from './question-views.service.js';
import type { AnswerView } from './question.view.js';

/**
 * "This answer helped me": one vote per member and answer, retractable. Casting twice or retracting
 * a vote that is not there changes nothing. The answer's author earns points from the voter,
 * unless the voter is on their partner's team (the vote still counts).
 */
@Injectable()
export class AnswerVotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: QuestionViews,
    private readonly contributions: ContributionsService,
  ) {}

  async vote(caller: Caller, id: string, helpful: boolean): Promise<AnswerView> {
    const earners: string[] = [];
    const view = await this.db.transaction(async (tx) => {
      const { answer, question } = await visibleAnswer(tx, caller, id, { lock: true });
      assertOpen(question, answer);
      if (answer.authorId === caller.userId) throw new CommunityError('VOTE_OWN_CONTENT', 'You cannot vote for your own answer.');
      const key = awardKeys.helpfulVote(id, caller.userId);
      if (helpful) {
        const inserted = await tx.query<unknown[]>(`INSERT INTO answer_votes (answer_id, voter_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING answer_id`, [id, caller.userId]);
        if (inserted.length > 0) {
          answer.helpfulCount += 1;
          const outcome = await this.contributions.award(tx, {
            key,
            userId: answer.authorId,
            source: 'helpful_vote_received',
            content: { type: 'answer', id },
            actorId: caller.userId,
          });
          if (outcome.outcome === 'awarded') earners.push(answer.authorId);
        }
      } else {
        const deleted = await tx.getRepository(AnswerVote).delete({ answerId: id, voterId: caller.userId });
        if (deleted.affected) {
          answer.helpfulCount -= 1;
          if (await this.contributions.revoke(tx, key, 'vote_retracted')) earners.push(answer.authorId);
        }
      }
      await tx.getRepository(Answer).update({ id }, { helpfulCount: answer.helpfulCount });
      return this.views.answer(caller, question, answer, tx);
    });
    await this.contributions.settle(earners);
    return view;
  }
}
