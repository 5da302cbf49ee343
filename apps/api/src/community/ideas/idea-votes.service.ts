import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { CommunityError } from '../community.errors.js';
import { Idea } from '../entities/idea.entity.js';
import { IdeaVote } from '../entities/votes.entity.js';
import { IdeaAccess } from './idea-access.service.js';
import { IdeaViews } from './idea-views.service.js';
import type { IdeaView } from './idea.view.js';
import { visibleIdea } from './idea-records.js';

/**
 * One vote per member and idea (the primary key), retractable. Every change locks the idea row
 * first, so votes on one idea run one at a time and its vote count stays equal to its votes.
 */
@Injectable()
export class IdeaVotes {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: IdeaViews,
  ) {}

  /** Casts the caller's vote; casting it again changes nothing. */
  vote(caller: Caller, id: string): Promise<IdeaView> {
    return this.db.transaction(async (tx) => {
      const idea = await visibleIdea(tx, caller, id, { lock: true });
      if (idea.authorId === caller.userId) throw new CommunityError('VOTE_OWN_CONTENT', 'You cannot vote for your own idea.');
      IdeaAccess.assertShown(idea, 'vote for it');
      if (!(await this.hasVoted(tx, id, caller.userId))) {
        await tx.getRepository(IdeaVote).insert({ ideaId: id, voterId: caller.userId });
        await this.count(tx, idea, 1);
      }
      return this.views.detail(caller, idea, tx);
    });
  }

  /** Takes the caller's vote back; nothing happens when there is none. */
  retract(caller: Caller, id: string): Promise<IdeaView> {
    return this.db.transaction(async (tx) => {
      const idea = await visibleIdea(tx, caller, id, { lock: true });
      if (await this.hasVoted(tx, id, caller.userId)) {
        await tx.getRepository(IdeaVote).delete({ ideaId: id, voterId: caller.userId });
        await this.count(tx, idea, -1);
      }
      return this.views.detail(caller, idea, tx);
    });
  }

  private hasVoted(tx: EntityManager, ideaId: string, voterId: string): Promise<boolean> {
    return tx.getRepository(IdeaVote).existsBy({ ideaId, voterId });
  }

  private async count(tx: EntityManager, idea: Idea, by: 1 | -1): Promise<void> {
    await tx.getRepository(Idea).increment({ id: idea.id }, 'voteCount', by);
    idea.voteCount += by;
  }
}
