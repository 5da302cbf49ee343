import { ApiError } from '../../api/errors';
import { Alert } from '../../components/feedback';
import { When } from '../../components/when';
import { useApply } from './application-api';
import { ApplicationForm, emptyApplication, toInput } from './application-form';

const SUBMIT = 'Submit application';

export function ApplyForm({ title }: { title: string }) {
  const apply = useApply();
  const availableAt = cooldownEnd(apply.error);
  return (
    <>
      {availableAt && (
        <Alert tone="info" title="You can apply again later.">
          After a rejection, a new application can be sent from <When value={availableAt} empty="later" withTime />.
        </Alert>
      )}
      <ApplicationForm
        title={title}
        initial={emptyApplication}
        pending={apply.isPending ? SUBMIT : undefined}
        error={availableAt ? undefined : apply.error}
        actions={[{ label: SUBMIT, pendingLabel: 'Submitting…', run: (values) => apply.mutate(toInput(values)) }]}
      />
    </>
  );
}

/** REAPPLY_COOLDOWN carries the moment a new application is accepted. */
function cooldownEnd(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'REAPPLY_COOLDOWN') return undefined;
  const availableAt = (error.details as { availableAt?: unknown } | undefined)?.availableAt;
  return typeof availableAt === 'string' ? availableAt : undefined;
}
