import { useState } from 'react';
import { Button } from '../../components/feedback';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { useVersionAction, type ListingRef, type VersionAction, type VersionSummary } from './plugin-api';

interface ActionSpec {
  action: VersionAction;
  label: string;
  title: string;
  body: string;
  confirm: string;
  pending: string;
  /** The text the API needs with it (deprecate: `message`, yank: `reason`). */
  text?: { field: 'message' | 'reason'; label: string; hint: string };
  variant: 'secondary' | 'danger';
}

function actionsFor(version: VersionSummary): ActionSpec[] {
  const v = version.version;
  if (version.status === 'submitted' || version.status === 'in_review') {
    return [{ action: 'withdraw', label: 'Withdraw', title: `Withdraw ${v} from review?`, body: 'It leaves the reviewers’ queue and will not be published. Upload a higher version to try again.', confirm: 'Withdraw', pending: 'Withdrawing…', variant: 'danger' }];
  }
  if (version.status !== 'published') return [];
  const actions: ActionSpec[] = [];
  if (version.deprecated) {
    actions.push({ action: 'undeprecate', label: 'Undeprecate', title: `Undeprecate ${v}?`, body: 'Buyers no longer see the warning.', confirm: 'Undeprecate', pending: 'Undeprecating…', variant: 'secondary' });
  } else {
    actions.push({
      action: 'deprecate',
      label: 'Deprecate',
      title: `Deprecate ${v}?`,
      body: 'It stays installable, with your message shown as a warning.',
      confirm: 'Deprecate',
      pending: 'Deprecating…',
      text: { field: 'message', label: 'Message to buyers', hint: 'For example: “Use 1.3.0: this version rounds discounts down.”' },
      variant: 'secondary',
    });
  }
  if (version.yanked) {
    if (!version.yankedByStaff) actions.push({ action: 'unyank', label: 'Unyank', title: `Unyank ${v}?`, body: 'It can be installed again.', confirm: 'Unyank', pending: 'Unyanking…', variant: 'secondary' });
  } else {
    actions.push({
      action: 'yank',
      label: 'Yank',
      title: `Yank ${v}?`,
      body: 'No new installs. Existing installs keep running and are told to upgrade.',
      confirm: 'Yank',
      pending: 'Yanking…',
      text: { field: 'reason', label: 'Reason', hint: 'Shown to the buyers who installed it.' },
      variant: 'danger',
    });
  }
  return actions;
}

/** The state changes a version allows now: withdraw while in review; deprecate and yank (and their undoing) once published. */
export function VersionActions({ listing, version }: { listing: ListingRef; version: VersionSummary }) {
  const [open, setOpen] = useState<ActionSpec>();
  const actions = actionsFor(version);
  if (actions.length === 0) return null;
  return (
    <div className="actions actions--row">
      {actions.map((spec) => (
        <Button key={spec.action} type="button" size="small" variant={spec.variant} onClick={() => setOpen(spec)} aria-label={`${spec.label} ${version.version}`}>
          {spec.label}
        </Button>
      ))}
      {open && <ActionDialog listing={listing} version={version.version} spec={open} onClose={() => setOpen(undefined)} />}
    </div>
  );
}

function ActionDialog({ listing, version, spec, onClose }: { listing: ListingRef; version: string; spec: ActionSpec; onClose: () => void }) {
  const run = useVersionAction(listing);
  const [text, setText] = useState('');
  const fields = spec.text ? [spec.text.field] : [];
  const { fields: errors } = splitFormError(run.error, fields);
  const placed = spec.text ? errors[spec.text.field] : undefined;
  return (
    <ConfirmDialog
      title={spec.title}
      confirmLabel={spec.confirm}
      pendingLabel={spec.pending}
      pending={run.isPending}
      error={placed ? undefined : run.error}
      onCancel={onClose}
      onConfirm={() => run.mutate({ action: spec.action, version, text: text.trim() }, { onSuccess: onClose })}
    >
      <p>{spec.body}</p>
      {spec.text && <TextAreaField label={spec.text.label} rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} errors={placed} hint={spec.text.hint} />}
    </ConfirmDialog>
  );
}
