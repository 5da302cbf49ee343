import type { SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldFrameProps } from './field';

interface SelectFieldProps extends FieldFrameProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  options: readonly { value: string; label: string }[];
}

/** A labelled select with its hint and the API's errors beside it, like Field. */
export function SelectField({ label, options, errors, hint, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} errors={errors} hint={hint}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
