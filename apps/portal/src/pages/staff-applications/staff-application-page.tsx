import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { PARTNER_APPLICATION_ROLES } from '../../auth/roles';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { When } from '../../components/when';
import { ApplicationDetails, ApplicationHistory, ApplicationStatusBadge } from '../partner-program/application-status';
import { useDecide, useReviewedApplication, type Decision, type ReviewedApplication } from './staff-application-api';

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
        <CommunityRecord application={data} />
        <h2>History</h2>
        <ApplicationHistory history={data.history} />
      </section>
      {data.status === 'submitted' ? (
        <DecisionForm id={data.id} onDecided={setDecided} />
      ) : (
        <section className="card">
          <h2 className="card__title">Decision</h2>
          <p className="muted">Decisions are made on submitted applications; this one is {data.status.replace('_', ' ')}.</p>
        </section>
      )}
    </div>
  );
}

/** What Guild knows of the applicant as a community member; parts that do not exist yet say so. */
function CommunityRecord({ application }: { application: ReviewedApplication }) {
  const { community } = application;
  if (!community) return null;
  const rows: [string, number | null][] = [
    ['Contribution points', community.contributionPoints],
    ['Answers', community.answers],
    ['Ideas', community.ideas],
    ['Reviews', community.reviews],
    ['Purchases', community.purchases],
  ];
  return (
    <>
      <h2>Community record</h2>
      <dl className="details">
        <dt>Member since</dt>
        <dd>
          <When value={community.memberSince} empty="—" />
        </dd>
        {rows.map(([label, value]) => (
          <div key={label} className="details__row">
            <dt>{label}</dt>
            <dd>{value ?? <span className="muted">Not tracked yet</span>}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

const FIELDS = ['message'] as const;
const DECISIONS: { decision: Decision; label: string; pendingLabel: string; variant: 'primary' | 'secondary' | 'danger'; done: string }[] = [
  { decision: 'approve', label: 'Approve', pendingLabel: 'Approving…', variant: 'primary', done: 'Approved: the partner is created and the applicant was notified.' },
  { decision: 'request-changes', label: 'Request changes', pendingLabel: 'Requesting changes…', variant: 'secondary', done: 'Changes requested: the applicant was notified with your message.' },
  { decision: 'reject', label: 'Reject', pendingLabel: 'Rejecting…', variant: 'danger', done: 'Rejected: the applicant was notified with your message.' },
];

function DecisionForm({ id, onDecided }: { id: string; onDecided: (done: string) => void }) {
  const decide = useDecide(id);
  const [message, setMessage] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const choice = DECISIONS.find((d) => d.decision === submitter?.getAttribute('data-decision')) ?? DECISIONS[0];
    decide.mutate({ decision: choice.decision, message: message.trim() }, { onSuccess: () => onDecided(choice.done) });
  };
  const { fields } = splitFormError(decide.error, FIELDS);

  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title" className="card__title">
        Decision
      </h2>
      <form onSubmit={onSubmit} noValidate aria-label="Decide on the application" className="stack">
        <FormAlert error={decide.error} formFields={FIELDS} />
        <TextAreaField
          label="Message to the applicant"
          name="message"
          rows={4}
          maxLength={5000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          errors={fields.message}
          hint="Required to request changes or reject: say what to change, or why. Optional when approving. The applicant sees it."
        />
        <div className="form-actions">
          {DECISIONS.map((choice) => (
            <Button
              key={choice.decision}
              type="submit"
              data-decision={choice.decision}
              variant={choice.variant}
              disabled={decide.isPending}
              pending={decide.isPending && decide.variables.decision === choice.decision}
              pendingLabel={choice.pendingLabel}
            >
              {choice.label}
            </Button>
          ))}
        </div>
      </form>
    </section>
  );
}
