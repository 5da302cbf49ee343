import { ApiError, errorMessage, fieldErrors } from '../api/errors';
import { Alert } from './feedback';

/** Splits a mutation's error into messages for the form's own fields and the rest. */
export function splitFormError(error: unknown, formFields: readonly string[]) {
  const byField = fieldErrors(error);
  const fields: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(byField)) {
    if (formFields.includes(field)) fields[field] = messages;
    else unplaced.push(...messages.map((message) => `${field}: ${message}`));
  }
  const placedAll = Object.keys(byField).length > 0 && unplaced.length === 0;
  return { fields, unplaced, placedAll };
}

/** The alert above a form for anything that is not a field error shown beside its field. */
export function FormAlert({ error, formFields }: { error: unknown; formFields: readonly string[] }) {
  if (!error) return null;
  const { unplaced, placedAll } = splitFormError(error, formFields);
  if (placedAll) return null;
  const isValidation = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
  return (
    <Alert>
      <p>{errorMessage(error)}</p>
      {isValidation && unplaced.length > 0 && (
        <ul>
          {unplaced.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
