import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { RequireRole } from '../../auth/require-role';
import { PARTNER_APPLICATION_ROLES } from '../../auth/roles';
import { CommunityRecord } from '../../components/community-record';
import { When } from '../../components/when';
import { DecisionClosed, DecisionForm } from '../../components/decision-form';
import { Alert, LoadError, Loading } from '../../components/feedback';
import { ApplicationDetails, ApplicationHistory, ApplicationStatusBadge } from '../partner-program/application-status';
import { useMemberRecord } from '../staff-advocates/advocates-api';
import { useDecide, useReviewedApplication } from './staff-application-api';

export function StaffApplicationPage() {
  return (
    <RequireRole roles={PARTNER_APPLICATION_ROLES} title="Partner application">
      <Review />
    </RequireRole>
  );
}

function Review() {
  const { id = '' } = useParams();
  const application = useReviewedApplication(id);
  const decide = useDecide(id);
  const [decided, setDecided] = useState<string>();
  const breadcrumb = (
    <p className="breadcrumb">
      <Link to="/staff/partner-applications">Applications</Link> / {application.data?.organisationName ?? 'Application'}
    </p>
  );
  if (application.isPending) {
    return (
      <section className="card">
        {breadcrumb}
        <Loading label="Loading the application…" />
      </section>
    );
  }
  if (application.isError) {
    return (
      <section className="card">
        {breadcrumb}
        <h1>Partner application</h1>
        <LoadError error={application.error} what="the application" onRetry={() => void application.refetch()} />
      </section>
    );
  }
  const data = application.data;
  return (
    <div className="page-stack">
      <section className="card">
        {breadcrumb}
        <h1>
          {data.organisationName} <ApplicationStatusBadge status={data.status} />
        </h1>
        {decided && <Alert tone="success">{decided}</Alert>}
        {data.decisionMessage && (
          <Alert tone="info" title="Last message to the applicant">
            <blockquote className="reviewer-message">{data.decisionMessage}</blockquote>
          </Alert>
        )}
        <h2>Applicant</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{data.applicant.displayName}</dd>
          <dt>Email</dt>
          <dd>{data.applicant.email}</dd>
        </dl>
        <h2>Application</h2>
        <ApplicationDetails application={data} />
        {data.partnerNamespace && (
          <p>
            Partner created: <Link to={`/partners/${data.partnerNamespace}`}>@{data.partnerNamespace}</Link>
          </p>
        )}
        <ApplicantCommunityRecord userId={data.applicant.id} invitedAt={data.community?.invitedAt ?? null} invitedBy={data.community?.invitedBy ?? null} />
        <h2>History</h2>
        <ApplicationHistory history={data.history} />
      </section>
      {data.status === 'submitted' ? (
        <DecisionForm label="Decide on the application" recipient="applicant" approved="Approved: the partner is created and the applicant was notified." decide={decide} onDecided={setDecided} />
      ) : (
        <DecisionClosed reason={`Decisions are made on submitted applications; this one is ${data.status.replace('_', ' ')}.`} />
      )}
    </div>
  );
}

/** The applicant's community record as it stands now, so reviewers can weigh their engagement. */
function ApplicantCommunityRecord({ userId, invitedAt, invitedBy }: { userId: string; invitedAt: string | null; invitedBy: string | null }) {
  const record = useMemberRecord(userId);
  return (
    <section aria-labelledby="community-record-title">
      <h2 id="community-record-title">Community record</h2>
      {invitedAt && (
        <p>
          Invited to apply by {invitedBy ?? 'staff'} on <When value={invitedAt} empty="" />.
        </p>
      )}
      {record.isPending ? (
        <Loading label="Loading the community record…" />
      ) : record.isError ? (
        record.error instanceof ApiError && record.error.status === 404 ? (
          <p className="muted">No community activity yet.</p>
        ) : (
          <LoadError error={record.error} what="the community record" onRetry={() => void record.refetch()} />
        )
      ) : (
        <CommunityRecord record={record.data} memberId={userId} />
      )}
    </section>
  );
}
