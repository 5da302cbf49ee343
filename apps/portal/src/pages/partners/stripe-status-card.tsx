import { Alert, Button, ErrorAlert } from '../../components/feedback';
import { When } from '../../components/when';
import { canManagePayouts, useRefreshStripe, useStartOnboarding, type PartnerRole, type StripeStatus } from './partner-api';

/** The Stripe card on the dashboard: where payouts stand and the one thing to do next. */
export function StripeStatusCard({ namespace, role, status }: { namespace: string; role: PartnerRole; status: StripeStatus | null | undefined }) {
  return (
    <section className="card" aria-labelledby="payouts-title">
      <h2 id="payouts-title" className="card__title">
        Payouts with Stripe
      </h2>
      {canManagePayouts(role) && status ? (
        <StripeStatusView namespace={namespace} status={status} />
      ) : (
        <p className="muted">Only owners and finance members manage payouts. Ask one of them to set up or check the Stripe account.</p>
      )}
    </section>
  );
}

/** The account's state in words, its details, and the call to action that fits it. */
export function StripeStatusView({ namespace, status }: { namespace: string; status: StripeStatus }) {
  const start = useStartOnboarding(namespace);
  const refresh = useRefreshStripe(namespace);
  const leaving = start.isPending || start.isSuccess;
  const onboard = (label: string) => (
    <Button type="button" pending={leaving} pendingLabel="Opening Stripe…" onClick={() => start.mutate()}>
      {label}
    </Button>
  );
  const checkNow = (
    <Button type="button" variant="secondary" pending={refresh.isPending} pendingLabel="Checking…" onClick={() => refresh.mutate()}>
      Check status with Stripe
    </Button>
  );

  let summary;
  if (status.payable) {
    summary = (
      <Alert tone="success" title="Payouts enabled">
        Stripe can receive your earnings and pay them out to your bank account.
      </Alert>
    );
  } else if (status.detailsSubmitted && status.requirementsDue.length > 0) {
    summary = (
      <>
        <Alert tone="info" title="Stripe needs more information.">
          <p>Payouts are blocked until these are resolved{status.requirementsDeadline ? <>, by <When value={status.requirementsDeadline} empty="" withTime /></> : null}:</p>
          <ul>
            {status.requirementsDue.map((requirement) => (
              <li key={requirement}>{describeRequirement(requirement)}</li>
            ))}
          </ul>
        </Alert>
        <div className="form-actions">{onboard('Resolve requirements')}</div>
      </>
    );
  } else if (status.detailsSubmitted) {
    summary = (
      <>
        <Alert tone="info" title="Stripe is checking your details.">
          Payouts are blocked until Stripe enables them{status.disabledReason ? ` (${describeRequirement(status.disabledReason)})` : ''}. This usually takes a few minutes.
        </Alert>
        <div className="form-actions">{checkNow}</div>
      </>
    );
  } else {
    summary = (
      <>
        <p>
          {status.onboardingStarted
            ? 'You started setting up payouts but have not finished yet. Stripe keeps what you entered.'
            : 'Guild pays partners through Stripe. Set up a Stripe account for this partner to receive your earnings; payouts are blocked until it is done.'}
        </p>
        <div className="form-actions">{onboard('Set up payouts with Stripe')}</div>
      </>
    );
  }

  return (
    <div className="stack">
      {summary}
      <ErrorAlert error={start.error} />
      <ErrorAlert error={refresh.error} />
      {status.accountId && (
        <dl className="details">
          <dt>Stripe account</dt>
          <dd>
            <code>{status.accountId}</code>
          </dd>
          <dt>Details submitted</dt>
          <dd>{status.detailsSubmitted ? 'Yes' : 'No'}</dd>
          <dt>Transfers</dt>
          <dd>{status.transfersActive ? 'Active' : 'Not active'}</dd>
          <dt>Payouts</dt>
          <dd>{status.payoutsEnabled ? 'Enabled' : 'Not enabled'}</dd>
          <dt>Last update from Stripe</dt>
          <dd>
            <When value={status.updatedAt} empty="Never" withTime />
          </dd>
        </dl>
      )}
    </div>
  );
}

/** Stripe's requirement ids (`external_account`, `individual.verification.document`) in plainer words. */
function describeRequirement(requirement: string): string {
  const text = requirement.replace(/[._]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
