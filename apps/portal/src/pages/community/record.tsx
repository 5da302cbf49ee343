import { When } from '../../components/when';
import { BadgeList } from './badge-list';

export interface MemberRecord {
  allTimePoints: number;
  last12MonthsPoints: number;
  acceptedAnswers: number;
  helpfulVotes: number;
  ideasPlanned: number;
  ideasShipped: number;
  badges: string[];
  joinedAt: string;
}

/** A member's community record as staff weigh it (and as an advocate invitation keeps it). */
export function RecordDetails({ record }: { record: MemberRecord }) {
  return (
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
  );
}
