import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button } from '../../components/feedback';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { isOpen, useEditApplication, useWithdrawApplication, type Application } from './application-api';
import { ApplicationForm, formValues, toInput } from './application-form';
import { ApplicationDetails, ApplicationHistory, ApplicationStatusBadge } from './application-status';

const SAVE = 'Save changes';
const RESUBMIT = 'Resubmit';

export function MyApplication({ application }: { application: Application }) {
  const open = isOpen(application);
  return (
    <section aria-labelledby="my-application-title" className="stack">
      <h2 id="my-application-title">
        {open ? 'Your application' : 'Your last application'} <ApplicationStatusBadge status={application.status} />
      </h2>
      <Decision application={application} />
      <ApplicationDetails application={application} />
      <h3>History</h3>
      <ApplicationHistory history={application.history} />
      {application.status === 'changes_requested' && <EditApplication application={application} />}
      {open && <Withdraw application={application} />}
    </section>
  );
}

/** Where the application stands, in a sentence, with the reviewer's message. */
function Decision({ application }: { application: Application }) {
  const message = application.decisionMessage && (
    <blockquote className="reviewer-message" aria-label="Reviewer's message">
      {application.decisionMessage}
    </blockquote>
  );
  switch (application.status) {
    case 'submitted':
      return <Alert tone="info">A reviewer will read your application soon. You will get a notification and an email when they decide.</Alert>;
    case 'changes_requested':
      return (
        <Alert tone="info" title="The reviewer asked for changes.">
          {message}
          <p>Edit your application below, then resubmit it.</p>
        </Alert>
      );
    case 'approved':
      return (
        <Alert tone="success" title="Welcome to the partner program!">
          {message}
          {application.partnerNamespace && (
            <p>
              <Link to={`/partners/${application.partnerNamespace}/dashboard`}>Open the partner dashboard</Link>
            </p>
          )}
        </Alert>
      );
    case 'rejected':
      return (
        <Alert tone="info" title="Your application was not accepted.">
          {message}
        </Alert>
      );
    case 'withdrawn':
      return <Alert tone="info">You withdrew this application.</Alert>;
  }
}

function EditApplication({ application }: { application: Application }) {
  const edit = useEditApplication(application.id);
  const [saved, setSaved] = useState(false);
  const run = (resubmit: boolean) => (values: Parameters<typeof toInput>[0]) => {
    setSaved(false);
    edit.mutate({ changes: toInput(values), resubmit }, { onSuccess: () => setSaved(!resubmit) });
  };
  return (
    <>
      {saved && <Alert tone="success">Your changes are saved. Resubmit when you are ready for the reviewer to look again.</Alert>}
      <ApplicationForm
        title="Edit your application"
        initial={formValues(application)}
        ownNamespace={application.namespace}
        pending={edit.isPending ? (edit.variables.resubmit ? RESUBMIT : SAVE) : undefined}
        error={edit.error}
        actions={[
          { label: RESUBMIT, pendingLabel: 'Resubmitting…', run: run(true) },
          { label: SAVE, pendingLabel: 'Saving…', variant: 'secondary', run: run(false) },
        ]}
      />
    </>
  );
}

function Withdraw({ application }: { application: Application }) {
  const withdraw = useWithdrawApplication(application.id);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setAsking(false);
    withdraw.reset();
  };
  return (
    <div>
      <Button type="button" variant="danger" onClick={() => setAsking(true)}>
        Withdraw
      </Button>
      {asking && (
        <ConfirmDialog
          title="Withdraw your application?"
          confirmLabel="Withdraw application"
          pendingLabel="Withdrawing…"
          pending={withdraw.isPending}
          error={withdraw.error}
          onCancel={close}
          onConfirm={() => withdraw.mutate(undefined, { onSuccess: close })}
        >
          <p>Reviewers stop looking at it, and the namespace {application.namespace} is released. You can apply again afterwards.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
