import { useAuth } from '../../auth/auth-store';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button, ErrorAlert } from '../../components/feedback';
import { useVote, type IdeaStatus } from './community-api';

export const IDEA_STATUSES = ['open', 'under_review', 'planned', 'shipped', 'declined'] as const satisfies readonly IdeaStatus[];

export const IDEA_STATUS_LABELS: Record<IdeaStatus, string> = {
  open: 'Open',
  under_review: 'Under review',
  planned: 'Planned',
  shipped: 'Shipped',
  declined: 'Declined',
};

const TONES: Record<IdeaStatus, BadgeTone | undefined> = { open: undefined, under_review: 'waiting', planned: 'attention', shipped: 'processed', declined: 'ignored' };

/** Where an idea may go next (the API checks the same flow; shipped is final). */
export const NEXT_STATUSES: Record<IdeaStatus, Exclude<IdeaStatus, 'open'>[]> = {
  open: ['under_review', 'planned', 'declined'],
  under_review: ['planned', 'declined'],
  planned: ['shipped', 'declined', 'under_review'],
  declined: ['under_review'],
  shipped: [],
};

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  return <Badge tone={TONES[status]}>{IDEA_STATUS_LABELS[status]}</Badge>;
}

/** The vote count, and for members other than the author a toggle to add or take back their vote. */
export function VoteToggle({ idea, title }: { idea: { id: string; voteCount: number; voted: boolean; author: { id: string } }; title: string }) {
  const auth = useAuth();
  const vote = useVote(idea.id);
  const votes = `${idea.voteCount} ${idea.voteCount === 1 ? 'vote' : 'votes'}`;
  if (auth.status !== 'signed-in' || auth.user.id === idea.author.id) {
    return (
      <span className="vote-count" data-testid="vote-count">
        {votes}
      </span>
    );
  }
  return (
    <span className="vote">
      <Button
        type="button"
        size="small"
        variant={idea.voted ? 'primary' : 'secondary'}
        aria-pressed={idea.voted}
        aria-label={`${idea.voted ? 'Remove your vote for' : 'Vote for'} ${title}`}
        pending={vote.isPending}
        onClick={() => vote.mutate(!idea.voted)}
      >
        ▲ {idea.voted ? 'Voted' : 'Vote'}
      </Button>{' '}
      <span className="vote-count" data-testid="vote-count">
        {votes}
      </span>
      <ErrorAlert error={vote.error} />
    </span>
  );
}
