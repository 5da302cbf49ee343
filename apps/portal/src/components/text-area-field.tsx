import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame, type FieldFrameProps } from './field';

interface TextAreaFieldProps extends FieldFrameProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {}

/** Field's multi-line sibling: a labelled textarea with its hint and the API's errors. */
export function TextAreaField({ label, errors, hint, rows = 5, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} errors={errors} hint={hint}>
      {(control) => <textarea {...control} rows={rows} {...textarea} />}
    </FieldFrame>
  );
}
