import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldErrors } from './field';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly { value: string; label: string }[];
  /** The API's messages for this field (VALIDATION_FAILED details). */
  errors?: string[];
  hint?: ReactNode;
}

/** A labelled select with its hint and the API's errors beside it, like Field. */
export function SelectField({ label, options, errors, hint, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {invalid && <FieldErrors id={errorId} messages={errors!} />}
    </div>
  );
}
