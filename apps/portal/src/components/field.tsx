import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** The API's messages for this field (VALIDATION_FAILED details). */
  errors?: string[];
  hint?: ReactNode;
}

/** A labelled input with its hint and the API's errors beside it, wired up with aria-describedby. */
export function Field({ label, errors, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {invalid && <FieldErrors id={errorId} messages={errors!} />}
    </div>
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
