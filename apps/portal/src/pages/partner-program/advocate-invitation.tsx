import { CommunityRecord } from '../../components/community-record';
import { Alert } from '../../components/feedback';
import { When } from '../../components/when';
import { useMyInvitation } from '../staff-advocates/advocates-api';

/** When staff invited the member to apply (for what they did in the community): who, when, their message and the record. */
export function AdvocateInvitationPanel() {
  const invitation = useMyInvitation(true);
  // Nothing while loading or on error: the application form below works without it.
  const data = invitation.data;
  if (!data) return null;
  return (
    <section aria-label="Invitation to apply" className="stack">
      <Alert tone="success" title="You were invited">
        <p>
          {data.invitedBy ? data.invitedBy.displayName : 'Guild'} invited you to apply to the partner program on <When value={data.createdAt} empty="—" />, for your contributions to the
          community.
        </p>
        {data.message && (
          <blockquote className="reviewer-message" aria-label="Message from Guild">
            {data.message}
          </blockquote>
        )}
        <p className="muted">Reviewers see this record with your application:</p>
        <CommunityRecord record={data.record} memberId={data.member.id} profileLabel="Your community profile" />
      </Alert>
    </section>
  );
}
