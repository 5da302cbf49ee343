import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge } from '../../components/badge';
import { LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { useContributions, useMemberProfile, type ContributionLine, type MemberProfile } from './community-api';
import { QueryGate } from './query-gate';
import { CommunityNav } from './community-nav';
import { contentLink, signedPoints, sourceLabel } from './contribution-text';
import { MemberName } from './people';

export function MemberPage() {
  const { id = '' } = useParams();
  return <Profile key={id} id={id} />;
}

function Profile({ id }: { id: string }) {
  const profile = useMemberProfile(id);
  return (
    <QueryGate query={profile} what="the profile" missing={{ title: 'Member not found', link: { to: '/community/leaderboard', label: 'See the leaderboard' } }}>
      {(data) => (
        <div className="page-stack">
          <section className="card" aria-labelledby="member-title">
            <CommunityNav />
            <h1 id="member-title">{data.member.displayName}</h1>
            <p className="muted">
              <MemberName member={data.member} /> · member since <When value={data.joinedAt} empty="—" />
            </p>
            <Points profile={data} />
            <h2>Badges</h2>
            {data.badges.length === 0 ? (
              <p className="muted">No badges yet.</p>
            ) : (
              <ul className="plain-list badges" aria-label="Badges">
                {data.badges.map((badge) => (
                  <li key={badge.code} title={badge.description}>
                    <Badge tone="processed">{badge.name}</Badge> <span className="muted">{badge.description}</span> · <When value={badge.awardedAt} empty="—" />
                  </li>
                ))}
              </ul>
            )}
            <h2>Contributions</h2>
            <dl className="stats" aria-label="Contributions">
              <Stat label="Questions" value={data.counts.questions} />
              <Stat label="Answers" value={data.counts.answers} />
              <Stat label="Accepted answers" value={data.counts.acceptedAnswers} />
              <Stat label="Ideas" value={data.counts.ideas} />
              <Stat label="Ideas shipped" value={data.counts.ideasShipped} />
            </dl>
          </section>
          <Recent profile={data} />
        </div>
      )}
    </QueryGate>
  );
}

function Stat({ label, value, note }: { label: string; value: number | string; note?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        {value}
        {note && <span className="muted stat__note">{note}</span>}
      </dd>
    </div>
  );
}

const rankText = (rank: number | null) => (rank == null ? 'not ranked' : `rank #${rank}`);

function Points({ profile }: { profile: MemberProfile }) {
  const { points, ranks } = profile;
  return (
    <dl className="stats" aria-label="Points">
      <Stat label="Points, last 30 days" value={points.last30Days} note={rankText(ranks.last30Days)} />
      <Stat label="Points, last 12 months" value={points.last12Months} note={rankText(ranks.last12Months)} />
      <Stat label="Points, all time" value={points.allTime} note={rankText(ranks.allTime)} />
    </dl>
  );
}

/** The latest lines of the member's log, then every line on demand. */
function Recent({ profile }: { profile: MemberProfile }) {
  const [all, setAll] = useState(false);
  const more = useContributions(profile.member.id, all);
  const lines = all && more.data ? more.data.pages.flatMap((page) => page.items) : profile.recent;
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title" className="card__title">
        {all ? 'Every contribution' : 'Recent contributions'}
      </h2>
      {lines.length === 0 ? (
        <div className="empty">
          <p>No points earned yet.</p>
        </div>
      ) : (
        <ContributionTable lines={lines} />
      )}
      {all ? (
        more.isPending ? (
          <Loading label="Loading contributions…" />
        ) : more.isLoadingError ? (
          <LoadError error={more.error} what="the contributions" onRetry={() => void more.refetch()} />
        ) : (
          <LoadMore query={more} what="contributions" />
        )
      ) : (
        profile.recent.length >= 10 && (
          <button type="button" className="button button--secondary button--small" onClick={() => setAll(true)}>
            Show every contribution
          </button>
        )
      )}
    </section>
  );
}

function ContributionTable({ lines }: { lines: ContributionLine[] }) {
  return (
    <Table label="Contributions" columns={['When', 'What', 'For', 'Points']} compact>
      {lines.map((line) => {
        const link = contentLink(line);
        const title = line.content.title ?? line.content.type;
        return (
          <tr key={line.id}>
            <td>
              <When value={line.occurredAt} empty="—" />
            </td>
            <td>
              {line.kind === 'revocation' ? <>Taken back: {sourceLabel(line.source)}</> : sourceLabel(line.source)}
              {line.reason && <span className="muted"> ({line.reason})</span>}
              {line.note && <div className="muted">{line.note}</div>}
            </td>
            <td>{link ? <Link to={link}>{title}</Link> : title}</td>
            <td>
              {signedPoints(line.points)}
              {line.capped && <span className="muted"> (daily cap reached)</span>}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
