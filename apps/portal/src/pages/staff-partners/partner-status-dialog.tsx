import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { useChangePartnerStatus, type StaffPartner } from './staff-partner-api';

export interface PendingChange {
  action: 'suspend' | 'reinstate';
  partner: StaffPartner;
}

const FIELDS = ['reason'] as const;

/** Asks for the reason (required to suspend, optional to reinstate) and makes the change; the API's field errors show under the reason. */
export function PartnerStatusDialog({ change, onCancel, onDone }: { change: PendingChange; onCancel: () => void; onDone: (message: string) => void }) {
  const mutation = useChangePartnerStatus();
  const [reason, setReason] = useState('');
  const { action, partner } = change;
  const suspend = action === 'suspend';
  const { fields, placedAll } = splitFormError(mutation.error, FIELDS);

  const confirm = () =>
    mutation.mutate(
      { action, id: partner.id, reason: reason.trim() },
      {
        onSuccess: () =>
          onDone(
            suspend
              ? `${partner.name} is suspended: its public profile is hidden and the owner was notified.`
              : `${partner.name} is reinstated: its public profile is back and the owner was notified.`,
          ),
      },
    );

  return (
    <ConfirmDialog
      title={suspend ? `Suspend ${partner.name}?` : `Reinstate ${partner.name}?`}
      confirmLabel={suspend ? 'Suspend partner' : 'Reinstate partner'}
      pendingLabel={suspend ? 'Suspending…' : 'Reinstating…'}
      pending={mutation.isPending}
      error={placedAll ? undefined : mutation.error}
      onCancel={onCancel}
      onConfirm={confirm}
    >
      <p>
        {suspend ? (
          <>
            The public profile of <code>@{partner.namespace}</code> disappears and Stripe onboarding closes until the partner is reinstated. The owner is
            notified with your reason.
          </>
        ) : (
          <>
            The public profile of <code>@{partner.namespace}</code> comes back. The owner is notified.
          </>
        )}
      </p>
      <TextAreaField
        label="Reason"
        name="reason"
        rows={3}
        maxLength={2000}
        required={suspend}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={fields.reason}
        hint={suspend ? 'Required. The owner sees it.' : 'Optional. The owner sees it.'}
      />
    </ConfirmDialog>
  );
}
