import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { FieldErrors } from './field';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  /** The API's messages for this field (VALIDATION_FAILED details). */
  errors?: string[];
  hint?: ReactNode;
}

/** Field's multi-line sibling: a labelled textarea with its hint and the API's errors, wired up with aria-describedby. */
export function TextAreaField({ label, errors, hint, rows = 5, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...textarea} />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {invalid && <FieldErrors id={errorId} messages={errors!} />}
    </div>
  );
}
