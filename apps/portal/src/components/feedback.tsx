import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { errorMessage } from '../api/errors';

/** A message that screen readers announce: errors as `alert`, confirmations as `status`. */
export function Alert({ tone = 'error', title, children }: { tone?: 'error' | 'success' | 'info'; title?: string; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong className="alert__title">{title}</strong>}
      <div>{children}</div>
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** A failed request's message in an alert; nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  return error ? <Alert>{errorMessage(error)}</Alert> : null;
}

/** The error state of a query: what went wrong and a way to try again. */
export function LoadError({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  return (
    <Alert title={`Could not load ${what}.`}>
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </Alert>
  );
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  pending?: boolean;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  size?: 'normal' | 'small';
}

/** A button that shows its pending state and cannot be pressed twice while a request is in flight. */
export function Button({ pending = false, pendingLabel, variant = 'primary', size = 'normal', className, children, disabled, ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, size === 'small' && 'button--small', className].filter(Boolean).join(' ');
  return (
    <button className={classes} disabled={disabled || pending} aria-busy={pending || undefined} {...rest}>
      {pending && <span className="spinner spinner--inline" aria-hidden="true" />}
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
