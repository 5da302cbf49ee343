import { Link } from 'react-router';
import { Badge } from '../../components/badge';
import type { MemberRef } from './community-api';

/** A member's name, linking to their community profile, with the marks readers weigh an answer by: staff and partner. */
export function MemberName({ member, partnerMark }: { member: MemberRef; partnerMark?: boolean }) {
  return (
    <span className="member-name">
      <Link to={`/community/members/${member.id}`}>{member.displayName}</Link>
      {member.staff && (
        <>
          {' '}
          <Badge tone="processed">Staff</Badge>
        </>
      )}
      {member.partners.map((partner) => (
        <span key={partner.namespace}>
          {' '}
          <Badge tone="waiting">
            <span title={`Member of the partner ${partner.name}`}>Partner: {partner.name}</span>
          </Badge>
        </span>
      ))}
      {partnerMark && (
        <>
          {' '}
          <Badge tone="attention">From the plugin&rsquo;s partner</Badge>
        </>
      )}
    </span>
  );
}
