import { Link } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { LoadError, Loading } from '../../components/feedback';
import { AdvocateInvitationPanel } from './advocate-invitation';
import { isOpen, useMyApplications } from './application-api';
import { ApplyForm } from './apply-form';
import { MyApplication } from './my-application';

export function PartnerProgramPage() {
  const auth = useAuth();
  return (
    <section className="card">
      <h1>Partner program</h1>
      <p>
        Partners are organisations that build plugins and integrations for the tools Guild extends, and sell them in the catalog. Guild&rsquo;s reviewers
        approve every partner; once approved, you get:
      </p>
      <ul>
        <li>a namespace of your own, reserved for your plugins (like <code>@acme/timesheet-sync</code>);</li>
        <li>a partner dashboard for your team, your listings and your Stripe payouts;</li>
        <li>a public profile, and a revenue share that grows with your tier.</li>
      </ul>
      <p className="muted">
        Tell us who you are and what you plan to build. A reviewer reads every application, may ask for changes, and you hear back by notification and email.
      </p>
      {auth.status === 'signed-in' ? (
        <ApplicationArea />
      ) : auth.status === 'signed-out' ? (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent('/partner-program')}`}>Sign in</Link> or{' '}
          <Link to={`/sign-up?next=${encodeURIComponent('/partner-program')}`}>create an account</Link> to apply.
        </p>
      ) : (
        <Loading label="Restoring your session…" />
      )}
    </section>
  );
}

/** The member's open application if there is one; otherwise the form, below their last decided one. */
function ApplicationArea() {
  const applications = useMyApplications();
  if (applications.isPending) return <Loading label="Loading your application…" />;
  if (applications.isError) return <LoadError error={applications.error} what="your application" onRetry={() => void applications.refetch()} />;
  const [latest] = applications.data;
  if (latest && isOpen(latest)) {
    return (
      <>
        <AdvocateInvitationPanel />
        <MyApplication application={latest} />
      </>
    );
  }
  return (
    <>
      <AdvocateInvitationPanel />
      {latest && <MyApplication application={latest} />}
      <ApplyForm title={!latest ? 'Apply to the partner program' : latest.status === 'approved' ? 'Apply for another organisation' : 'Apply again'} />
    </>
  );
}
