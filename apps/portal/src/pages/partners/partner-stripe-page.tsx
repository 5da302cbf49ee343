import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { useRefreshStripe, useStartOnboarding, useStripeStatus } from './partner-api';
import { StripeStatusView } from './stripe-status-card';

/**
 * Where Stripe's hosted onboarding sends the partner: `?onboarding=return` when they finish (ask
 * Stripe for the account's state now, not waiting for the webhook), `?onboarding=refresh` when the
 * single-use link expired or was already used (start a new one at once).
 */
export function PartnerStripePage() {
  const { namespace = '' } = useParams();
  const [params] = useSearchParams();
  const onboarding = params.get('onboarding');
  return (
    <section className="card">
      <p className="breadcrumb">
        <Link to={`/partners/${namespace}/dashboard`}>Partner dashboard</Link> / Payouts with Stripe
      </p>
      <h1>Payouts with Stripe</h1>
      {onboarding === 'return' ? <Returned namespace={namespace} /> : onboarding === 'refresh' ? <Restart namespace={namespace} /> : <Current namespace={namespace} />}
      <p>
        <Link to={`/partners/${namespace}/dashboard`}>Back to the partner dashboard</Link>
      </p>
    </section>
  );
}

/** Runs `run` once per mount, also under StrictMode's double effects. */
function useOnce(run: () => void) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    run();
  });
}

function Returned({ namespace }: { namespace: string }) {
  const refresh = useRefreshStripe(namespace);
  useOnce(() => refresh.mutate());
  if (refresh.isIdle || refresh.isPending) return <Loading label="Checking your account with Stripe…" />;
  if (refresh.isError) {
    return (
      <Alert title="Could not check your account with Stripe.">
        <p>{errorMessage(refresh.error)}</p>
        <Button type="button" size="small" onClick={() => refresh.mutate()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return (
    <>
      <p className="muted">Welcome back from Stripe. This is where your account stands now.</p>
      <StripeStatusView namespace={namespace} status={refresh.data} />
    </>
  );
}

function Restart({ namespace }: { namespace: string }) {
  const start = useStartOnboarding(namespace);
  useOnce(() => start.mutate());
  if (start.isError) {
    return (
      <Alert title="Could not open Stripe.">
        <p>{errorMessage(start.error)}</p>
        <Button type="button" size="small" onClick={() => start.mutate()}>
          Continue with Stripe
        </Button>
      </Alert>
    );
  }
  return (
    <>
      <p>The link to Stripe expired or was already used. A new one is on its way.</p>
      <Button type="button" pending={start.isPending || start.isSuccess} pendingLabel="Opening Stripe…" onClick={() => start.mutate()}>
        Continue with Stripe
      </Button>
    </>
  );
}

function Current({ namespace }: { namespace: string }) {
  const status = useStripeStatus(namespace);
  if (status.isPending) return <Loading label="Loading your Stripe status…" />;
  if (status.isError) return <LoadError error={status.error} what="your Stripe status" onRetry={() => void status.refetch()} />;
  return <StripeStatusView namespace={namespace} status={status.data} />;
}
