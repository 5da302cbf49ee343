import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/auth-store';
import { hasAnyRole, MODERATOR_ROLES } from '../../auth/roles';
import { Alert, Button } from '../../components/feedback';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { When } from '../../components/when';
import { useModerate, type ContentKind } from './community-api';

/** What a hidden piece of content shows its author and moderators (nobody else sees it at all). */
export function HiddenNotice({ hidden, kind }: { hidden: { reason: string; at: string } | null; kind: ContentKind }) {
  if (!hidden) return null;
  return (
    <Alert tone="info" title={`A moderator hid this ${kind}.`}>
      <p>
        Reason: {hidden.reason} · <When value={hidden.at} empty="—" withTime />
      </p>
      <p className="muted">Only its author and moderators can see it.</p>
    </Alert>
  );
}

const FIELDS = ['reason'] as const;

/** For moderators: hide with a reason (the author reads it), or show again. Nothing for anyone else. */
export function ModerationControl({ kind, id, hidden, label }: { kind: ContentKind; id: string; hidden: boolean; label: string }) {
  const auth = useAuth();
  const moderate = useModerate(kind, id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!hasAnyRole(auth, MODERATOR_ROLES)) return null;
  if (hidden) {
    return (
      <div className="community-actions">
        <Button type="button" variant="secondary" size="small" pending={moderate.isPending} pendingLabel="Showing…" onClick={() => moderate.mutate({ hide: false })}>
          Show {label} again
        </Button>
        <FormAlert error={moderate.error} formFields={[]} />
      </div>
    );
  }
  if (!open) {
    return (
      <Button type="button" variant="link" size="small" onClick={() => setOpen(true)}>
        Hide {label}
      </Button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    moderate.mutate(
      { hide: true, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
        },
      },
    );
  };
  const { fields } = splitFormError(moderate.error, FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Hide ${label}`} className="stack subcard">
      <FormAlert error={moderate.error} formFields={FIELDS} />
      <TextAreaField label="Reason" name="reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} errors={fields.reason} hint="Its author reads it." />
      <FormActions submit="Hide" pendingLabel="Hiding…" pending={moderate.isPending} variant="danger" size="small" onCancel={() => setOpen(false)} />
    </form>
  );
}
