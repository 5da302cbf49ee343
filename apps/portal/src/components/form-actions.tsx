import { Button } from './feedback';

interface FormActionsProps {
  /** The submit button's text, and what it says while the request is in flight. */
  submit: string;
  pendingLabel: string;
  pending: boolean;
  variant?: 'primary' | 'danger';
  size?: 'normal' | 'small';
  /** When given, a Cancel button beside the submit one. */
  onCancel?: () => void;
}

/** A form's submit button and, for forms that can be closed, Cancel. */
export function FormActions({ submit, pendingLabel, pending, variant, size, onCancel }: FormActionsProps) {
  return (
    <div className="form-actions">
      <Button type="submit" variant={variant} size={size} pending={pending} pendingLabel={pendingLabel}>
        {submit}
      </Button>
      {onCancel && (
        <Button type="button" variant="secondary" size={size} onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}
