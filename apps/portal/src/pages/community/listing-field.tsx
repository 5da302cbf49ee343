import { ApiError } from '../../api/errors';
import { Field } from '../../components/field';

/** The API refused the plugin name (no such plugin, or one the author cannot see): said beside the field, not in the form's alert. */
export const listingRefused = (error: unknown): error is ApiError => error instanceof ApiError && error.code === 'LISTING_NOT_FOUND';

/** The ask and idea forms' optional "about one plugin" field; `error` is the form's, `errors` the field's validation messages. */
export function ListingField({ value, onChange, error, errors, hint }: { value: string; onChange: (value: string) => void; error: unknown; errors?: string[]; hint: string }) {
  return (
    <Field
      label="Plugin (optional)"
      name="listing"
      autoComplete="off"
      spellCheck={false}
      placeholder="namespace/plugin"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      errors={listingRefused(error) ? [error.message] : errors}
      hint={hint}
    />
  );
}
