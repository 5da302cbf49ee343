import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { Badge } from '../../components/badge';
import { LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { When } from '../../components/when';
import { useIdeas, type IdeaFilter, type IdeaSort, type IdeaStatus } from './community-api';
import { Choices, CommunityNav } from './community-nav';
import { IDEA_STATUS_LABELS, IDEA_STATUSES, IdeaStatusBadge, VoteToggle } from './idea-status';
import { MemberName } from './people';

const SORTS = [
  { value: 'votes', label: 'Most votes' },
  { value: 'newest', label: 'Newest' },
  { value: 'updated', label: 'Recently updated' },
] as const satisfies readonly { value: IdeaSort; label: string }[];

const STATUS_CHOICES: readonly { value: IdeaStatus | 'all'; label: string }[] = [{ value: 'all', label: 'All' }, ...IDEA_STATUSES.map((status) => ({ value: status, label: IDEA_STATUS_LABELS[status] }))];

/** The ideas board: members suggest, vote, and see what Guild and partners plan and ship. */
export function IdeasPage() {
  const [params, setParams] = useSearchParams();
  const filter: IdeaFilter = {
    sort: SORTS.find((s) => s.value === params.get('sort'))?.value ?? 'votes',
    status: IDEA_STATUSES.find((s) => s === params.get('status')),
  };
  const apply = (next: IdeaFilter) => {
    const search = new URLSearchParams();
    if (next.sort !== 'votes') search.set('sort', next.sort);
    if (next.status) search.set('status', next.status);
    setParams(search);
  };
  const auth = useAuth();
  return (
    <section className="card">
      <CommunityNav />
      <div className="card__header">
        <h1>Ideas</h1>
        {auth.status !== 'restoring' && (
          <Link className="button button--primary" to={auth.status === 'signed-in' ? '/community/ideas/new' : `/sign-in?next=${encodeURIComponent('/community/ideas/new')}`}>
            Submit an idea
          </Link>
        )}
      </div>
      <p className="muted">Suggest what Guild or a plugin should do next, and vote for the ideas you want. Planned and shipped ideas earn their authors points.</p>
      <Choices label="Status" choices={STATUS_CHOICES} value={filter.status ?? 'all'} onChange={(status) => apply({ ...filter, status: status === 'all' ? undefined : status })} />
      <Choices label="Sort ideas" choices={SORTS} value={filter.sort} onChange={(sort) => apply({ ...filter, sort })} />
      <IdeaList key={JSON.stringify(filter)} filter={filter} />
    </section>
  );
}

function IdeaList({ filter }: { filter: IdeaFilter }) {
  const ideas = useIdeas(filter);
  if (ideas.isPending) return <Loading label="Loading ideas…" />;
  if (ideas.isLoadingError) return <LoadError error={ideas.error} what="the ideas" onRetry={() => void ideas.refetch()} />;
  const items = ideas.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>{filter.status ? `No ${IDEA_STATUS_LABELS[filter.status].toLowerCase()} ideas.` : 'No ideas yet. Be the first to suggest one.'}</p>
      </div>
    );
  }
  return (
    <>
      <ul className="plain-list community-list" aria-label="Ideas">
        {items.map((idea) => (
          <li key={idea.id} className="community-list__item" aria-label={idea.title}>
            <div className="community-list__count">
              <VoteToggle idea={idea} title={idea.title} />
            </div>
            <div>
              <h2 className="community-list__title">
                <Link to={`/community/ideas/${idea.id}`}>{idea.title}</Link> <IdeaStatusBadge status={idea.status} /> {idea.hidden && <Badge tone="failed">Hidden</Badge>}
              </h2>
              <p className="community-list__excerpt">{idea.excerpt}</p>
              {idea.statusNote && (
                <p className="status-note">
                  <strong>{IDEA_STATUS_LABELS[idea.status]}:</strong> {idea.statusNote}
                </p>
              )}
              <p className="muted community-list__meta">
                {idea.listing && (
                  <>
                    for <Link to={`/plugins/${idea.listing.name}`}>{idea.listing.displayName}</Link> ·{' '}
                  </>
                )}
                by <MemberName member={idea.author} /> <When value={idea.createdAt} empty="—" /> · {idea.commentCount} {idea.commentCount === 1 ? 'comment' : 'comments'}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore query={ideas} what="ideas" />
    </>
  );
}
