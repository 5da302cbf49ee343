import { Injectable } from '@nestjs/common';
import { isStaffRole } from '@guild/contracts';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../identity/caller.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { CommunityError } from './community.errors.js';

/** `post`: questions and ideas; `reply`: answers and comments. */
export type PostingKind = 'post' | 'reply';

const HOUR_MS = 3_600_000;
/** What each kind counts, read from the content tables themselves (indexes on author_id, created_at). */
const COUNTED: Record<PostingKind, string> = {
  post: `SELECT created_at FROM questions WHERE author_id = $1 AND created_at > $2 UNION ALL SELECT created_at FROM ideas WHERE author_id = $1 AND created_at > $2`,
  reply: `SELECT created_at FROM answers WHERE author_id = $1 AND created_at > $2 UNION ALL SELECT created_at FROM community_comments WHERE author_id = $1 AND created_at > $2`,
};

/**
 * Spam floods stop here: a member posts at most GUILD_COMMUNITY_POSTS_PER_HOUR questions and ideas
 * and GUILD_COMMUNITY_REPLIES_PER_HOUR answers and comments in any trailing hour (staff are not
 * limited). Hidden content counts too. Called in the creating transaction before the insert, after
 * any row lock (so locks are always taken in one order); one member's posts are serialised by a
 * transaction lock, so parallel requests cannot slip past the limit.
 */
@Injectable()
export class PostingLimits {
  constructor(private readonly config: GuildConfig) {}

  async check(tx: EntityManager, caller: Caller, kind: PostingKind): Promise<void> {
    if (caller.roles.some((role) => isStaffRole(role))) return;
    const limit = kind === 'post' ? this.config.communityPostsPerHour : this.config.communityRepliesPerHour;
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`community-posting:${caller.userId}`]);
    const now = Date.now();
    const rows = await tx.query<Array<{ created_at: Date }>>(`SELECT created_at FROM (${COUNTED[kind]}) AS recent ORDER BY created_at DESC LIMIT $3`, [
      caller.userId,
      new Date(now - HOUR_MS),
      limit,
    ]);
    if (rows.length < limit) return;
    // Room comes back when the limit-th newest leaves the hour (every older one has left by then).
    const freesAt = new Date(rows[rows.length - 1].created_at).getTime() + HOUR_MS;
    const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now) / 1000));
    const what = kind === 'post' ? 'questions and ideas' : 'answers and comments';
    throw new CommunityError('POSTING_TOO_FAST', `You may post ${limit} ${what} per hour; try again in ${formatWait(retryAfterSeconds)}.`, { limit, retryAfterSeconds });
  }
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
