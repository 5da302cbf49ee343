import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, ErrorAlert } from './feedback';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question (native <dialog>: focus trap, Escape and the backdrop come with it). Mounted means open. */
export function ConfirmDialog({ title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog__body">{children}</div>
      <ErrorAlert error={error} />
      <div className="dialog__actions">
        <Button variant="secondary" type="button" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button variant="danger" type="button" onClick={onConfirm} pending={pending} pendingLabel={pendingLabel}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
