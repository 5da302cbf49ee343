import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import { useAuth } from '../../auth/auth-store';
import { Alert, Button, Loading } from '../../components/feedback';
import { When } from '../../components/when';
import { ROLE_LABELS, useAcceptInvitation, useInvitationPreview } from './partner-api';

/** Why an invitation cannot be used, in the invitee's words; the API's message otherwise. */
const INVITATION_PROBLEMS: Record<string, string> = {
  INVITATION_NOT_FOUND: 'This invitation does not exist or was revoked.',
  INVITATION_EXPIRED: 'This invitation has expired. Ask the partner’s owner for a new one.',
  INVITATION_USED: 'This invitation was already accepted.',
  INVITATION_EMAIL_MISMATCH: 'This invitation was sent to another email address. Sign in with that address to accept it.',
};

function InvitationProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const known = error instanceof ApiError ? INVITATION_PROBLEMS[error.code] : undefined;
  return (
    <Alert title={known ?? 'Could not load the invitation.'}>
      <p>{errorMessage(error)}</p>
      {!known && onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </Alert>
  );
}

export function InvitationPage() {
  const auth = useAuth();
  const { token = '' } = useParams();
  const here = `/invitations/${token}`;
  return (
    <section className="card card--narrow">
      <h1>Partner invitation</h1>
      {auth.status === 'signed-in' ? (
        <Invitation token={token} />
      ) : auth.status === 'signed-out' ? (
        <>
          <p>You were invited to join a partner&rsquo;s team on Guild. Sign in with the email address the invitation was sent to, and you will come back here.</p>
          <p className="hero__actions">
            <Link to={`/sign-in?next=${encodeURIComponent(here)}`} className="button button--primary">
              Sign in to accept
            </Link>
            <Link to={`/sign-up?next=${encodeURIComponent(here)}`} className="button button--secondary">
              Create an account
            </Link>
          </p>
        </>
      ) : (
        <Loading label="Restoring your session…" />
      )}
    </section>
  );
}

function Invitation({ token }: { token: string }) {
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);

  if (preview.isPending) return <Loading label="Loading the invitation…" />;
  if (preview.isError) return <InvitationProblem error={preview.error} onRetry={() => void preview.refetch()} />;
  const invitation = preview.data;
  return (
    <div className="stack">
      <p>
        You are invited to join <strong>{invitation.partner.name}</strong> (<code>@{invitation.partner.namespace}</code>) as{' '}
        <strong>{ROLE_LABELS[invitation.role]}</strong>.
      </p>
      <dl className="details">
        <dt>Sent to</dt>
        <dd>{invitation.email}</dd>
        <dt>Expires</dt>
        <dd>
          <When value={invitation.expiresAt} empty="—" withTime />
        </dd>
      </dl>
      {accept.isError && <InvitationProblem error={accept.error} />}
      <div className="form-actions">
        <Button type="button" pending={accept.isPending} pendingLabel="Joining…" onClick={() => accept.mutate(undefined, { onSuccess: (joined) => void navigate(`/partners/${joined.partner.namespace}/dashboard`) })}>
          Accept
        </Button>
      </div>
    </div>
  );
}
