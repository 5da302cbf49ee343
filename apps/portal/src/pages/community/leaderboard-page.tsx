import { Link, useSearchParams } from 'react-router';
import { BadgeList } from './badge-list';
import { LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { useLeaderboard, usePolicy, type LeaderboardWindow } from './community-api';
import { Choices, CommunityNav } from './community-nav';

const WINDOWS = [
  { value: '30d', label: 'Last 30 days' },
  { value: '12m', label: 'Last 12 months' },
  { value: 'all', label: 'All time' },
] as const satisfies readonly { value: LeaderboardWindow; label: string }[];

/** Who helped most, by points in a window; names lead to profiles. */
export function LeaderboardPage() {
  const [params, setParams] = useSearchParams();
  const window = WINDOWS.find((w) => w.value === params.get('window'))?.value ?? '30d';
  return (
    <section className="card">
      <CommunityNav />
      <h1>Leaderboard</h1>
      <p className="muted">
        Points come from accepted and helpful answers, planned and shipped ideas, reviews and published plugins. See <Link to="/community/leaderboard#policy">how points are earned</Link>.
      </p>
      <Choices label="Window" choices={WINDOWS} value={window} onChange={(next) => setParams(next === '30d' ? {} : { window: next })} />
      <Board key={window} window={window} />
      <PolicyTable />
    </section>
  );
}

/** The published policy: what earns how many points, and the most per day. */
function PolicyTable() {
  const policy = usePolicy();
  return (
    <section id="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">How points are earned</h2>
      {policy.isPending ? (
        <Loading label="Loading the policy…" />
      ) : policy.isError ? (
        <LoadError error={policy.error} what="the policy" onRetry={() => void policy.refetch()} />
      ) : (
        <>
          <p className="muted">
            Policy version {policy.data.version}, in effect from <When value={policy.data.effectiveFrom} empty="—" />. Points already earned keep the price of the policy that gave them.
          </p>
          <Table label="Points per contribution" columns={['Contribution', 'Points', 'Most per day']} compact>
            {policy.data.rules.map((rule) => (
              <tr key={rule.source}>
                <th scope="row">{rule.description}</th>
                <td>{rule.source === 'staff_award' ? `up to ${rule.points}` : rule.points}</td>
                <td>{rule.dailyCap ?? 'no limit'}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

function Board({ window }: { window: LeaderboardWindow }) {
  const board = useLeaderboard(window);
  if (board.isPending) return <Loading label="Loading the leaderboard…" />;
  if (board.isLoadingError) return <LoadError error={board.error} what="the leaderboard" onRetry={() => void board.refetch()} />;
  const items = board.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>Nobody has earned points in this window yet.</p>
      </div>
    );
  }
  return (
    <>
      <Table label="Leaderboard" columns={['Rank', 'Member', 'Points', 'Badges']}>
        {items.map((entry) => (
          <tr key={entry.member.id}>
            <td>#{entry.rank}</td>
            <th scope="row">
              <Link to={`/community/members/${entry.member.id}`}>{entry.member.displayName}</Link>
            </th>
            <td data-testid="leaderboard-points">{entry.points}</td>
            <td>
              <BadgeList codes={entry.badges} />
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore query={board} what="members" />
    </>
  );
}
