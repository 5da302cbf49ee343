import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface FieldFrameProps {
  label: string;
  /** The API's messages for this field (VALIDATION_FAILED details). */
  errors?: string[];
  hint?: ReactNode;
}

/** What a control inside a FieldFrame spreads onto itself: its id and the accessibility wiring. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The label, hint and the API's errors around one control (input, select, textarea), wired up with
 * aria-describedby; `children` renders the control from the props it must carry.
 */
export function FieldFrame({ label, errors, hint, children }: FieldFrameProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {invalid && <FieldErrors id={errorId} messages={errors!} />}
    </div>
  );
}

interface FieldProps extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {}

/** A labelled input with its hint and the API's errors beside it. */
export function Field({ label, errors, hint, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} errors={errors} hint={hint}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}

export function FieldErrors({ id, messages }: { id?: string; messages: string[] }) {
  return (
    <ul className="field__errors" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
