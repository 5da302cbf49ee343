import { Link, useParams } from 'react-router';
import { Alert, LoadError, Loading } from '../../components/feedback';
import { InvitationsSection } from './invitations-section';
import { OrganisationSection } from './organisation-section';
import { ROLE_LABELS, useDashboard } from './partner-api';
import { StripeStatusCard } from './stripe-status-card';
import { TeamSection } from './team-section';

export function PartnerDashboardPage() {
  const { namespace = '' } = useParams();
  // Keyed by partner: moving to another partner's dashboard starts from a clean slate (no half-open forms).
  return <Dashboard key={namespace} namespace={namespace} />;
}

function Dashboard({ namespace }: { namespace: string }) {
  const dashboard = useDashboard(namespace);

  if (dashboard.isPending) {
    return (
      <section className="card">
        <Loading label="Loading the partner dashboard…" />
      </section>
    );
  }
  if (dashboard.isError) {
    return (
      <section className="card">
        <h1>Partner dashboard</h1>
        <LoadError error={dashboard.error} what="this partner's dashboard" onRetry={() => void dashboard.refetch()} />
        <p>
          <Link to="/partner-program">Back to the partner program</Link>
        </p>
      </section>
    );
  }

  const { partner, role, members, invitations, stripe } = dashboard.data;
  return (
    <div className="page-stack">
      <section className="card">
        <p className="breadcrumb">
          <Link to="/partner-program">Partner program</Link> / {partner.name}
        </p>
        <h1>
          {partner.name} <span className="badge">{ROLE_LABELS[role]}</span>
        </h1>
        <p className="muted">
          Namespace <code>@{partner.namespace}</code> · <Link to={`/partners/${partner.namespace}`}>Public profile</Link> · <Link to={`/partners/${partner.namespace}/plugins`}>Plugins</Link>
        </p>
        {partner.status === 'suspended' && (
          <Alert title="This partner is suspended.">Its listings are out of the catalog and payouts are held. Contact Guild&rsquo;s staff to find out more.</Alert>
        )}
        <OrganisationSection partner={partner} canEdit={role === 'owner'} />
      </section>
      <StripeStatusCard namespace={partner.namespace} role={role} status={stripe} />
      <TeamSection namespace={partner.namespace} role={role} members={members} />
      {role === 'owner' && <InvitationsSection namespace={partner.namespace} invitations={invitations} members={members} />}
    </div>
  );
}
