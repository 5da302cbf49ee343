import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Button } from '../../components/feedback';
import { splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import type { ListingRef } from '../plugins/plugin-api';
import { useStaffYank } from './plugin-review-api';

interface StaffYankProps {
  listing: ListingRef;
  version: { version: string; yanked: boolean; yankedByStaff: boolean };
}

/** For reviewers and admins on the public page: yank a version for security (the partner is told why), or undo it. */
export function StaffYank({ listing, version }: StaffYankProps) {
  const [open, setOpen] = useState(false);
  const run = useStaffYank(listing);
  const [reason, setReason] = useState('');
  const undo = version.yanked;
  const { fields } = splitFormError(run.error, ['reason']);
  return (
    <>
      <Button type="button" size="small" variant={undo ? 'secondary' : 'danger'} onClick={() => setOpen(true)} aria-label={`${undo ? 'Undo the yank of' : 'Yank for security'} ${version.version}`}>
        {undo ? 'Undo yank' : 'Yank for security'}
      </Button>
      {open && (
        <ConfirmDialog
          title={undo ? `Undo the yank of ${version.version}?` : `Yank ${version.version} for security?`}
          confirmLabel={undo ? 'Undo yank' : 'Yank'}
          pendingLabel={undo ? 'Undoing…' : 'Yanking…'}
          pending={run.isPending}
          error={fields.reason ? undefined : run.error}
          onCancel={() => setOpen(false)}
          onConfirm={() => run.mutate({ version: version.version, ...(undo ? {} : { reason: reason.trim() }) }, { onSuccess: () => setOpen(false) })}
        >
          {undo ? (
            <p>It can be installed again, and the partner is told.</p>
          ) : (
            <>
              <p>No new installs. Existing installs keep running and are told to upgrade; the partner cannot undo it.</p>
              <TextAreaField label="Reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} errors={fields.reason} hint="Sent to the partner and shown to the version's installers." />
            </>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
