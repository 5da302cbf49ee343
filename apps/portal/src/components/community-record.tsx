import { Link } from 'react-router';
import type { components } from '../api/schema';
import { BadgeList } from '../pages/community/badge-list';
import { When } from './when';

export type MemberRecord = components['schemas']['MemberRecordView'];

/**
 * A member's community record as staff weigh it: live on a partner application, or as an advocate
 * invitation kept it. `memberId` adds a link to the member's community profile.
 */
export function CommunityRecord({ record, memberId, profileLabel = 'Community profile' }: { record: MemberRecord; memberId?: string; profileLabel?: string }) {
  return (
    <>
      <dl className="details" aria-label="Community record">
        <dt>Points, all time</dt>
        <dd>{record.allTimePoints}</dd>
        <dt>Points, last 12 months</dt>
        <dd>{record.last12MonthsPoints}</dd>
        <dt>Accepted answers</dt>
        <dd>{record.acceptedAnswers}</dd>
        <dt>Helpful votes received</dt>
        <dd>{record.helpfulVotes}</dd>
        <dt>Ideas planned</dt>
        <dd>{record.ideasPlanned}</dd>
        <dt>Ideas shipped</dt>
        <dd>{record.ideasShipped}</dd>
        <dt>Badges</dt>
        <dd>
          <BadgeList codes={record.badges} />
        </dd>
        <dt>Member since</dt>
        <dd>
          <When value={record.joinedAt} empty="—" />
        </dd>
      </dl>
      {memberId && (
        <p>
          <Link to={`/community/members/${memberId}`}>{profileLabel}</Link>
        </p>
      )}
    </>
  );
}
