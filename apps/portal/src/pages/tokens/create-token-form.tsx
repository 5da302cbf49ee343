import { useId, useState, type FormEvent } from 'react';
import { API_SCOPES, type ApiScope } from '@guild/contracts';
import { Button } from '../../components/feedback';
import { Field, FieldErrors } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { useCreateToken, type CreatedToken } from './token-api';

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;
const EXPIRY_CHOICES = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
];
const SCOPES = Object.entries(API_SCOPES) as [ApiScope, string][];

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [expiry, setExpiry] = useState('90');
  const ids = { scopes: useId(), expiry: useId(), expiryError: useId(), scopesError: useId() };

  const toggle = (scope: ApiScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = { name: name.trim(), scopes, ...(expiry ? { expiresInDays: Number(expiry) } : {}) };
    create.mutate(input, {
      onSuccess: (token) => {
        setName('');
        setScopes([]);
        onCreated(token);
      },
    });
  };
  const { fields } = splitFormError(create.error, FIELDS);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an API token" className="stack">
      <h2>Create a token</h2>
      <FormAlert error={create.error} formFields={FIELDS} />
      <Field label="Token name" name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} errors={fields.name} hint="Something to recognise it by, like “GitHub Actions”." />
      <fieldset className={`field${fields.scopes ? ' field--invalid' : ''}`} aria-describedby={fields.scopes ? ids.scopesError : undefined}>
        <legend>Scopes</legend>
        {SCOPES.map(([scope, description]) => (
          <div className="checkbox" key={scope}>
            <input
              type="checkbox"
              id={`${ids.scopes}-${scope}`}
              aria-describedby={`${ids.scopes}-${scope}-description`}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <label htmlFor={`${ids.scopes}-${scope}`}>
              <code>{scope}</code>
            </label>
            <span className="checkbox__description" id={`${ids.scopes}-${scope}-description`}>
              {description}
            </span>
          </div>
        ))}
        {fields.scopes && <FieldErrors id={ids.scopesError} messages={fields.scopes} />}
      </fieldset>
      <div className={`field${fields.expiresInDays ? ' field--invalid' : ''}`}>
        <label htmlFor={ids.expiry}>Expires after</label>
        <select id={ids.expiry} value={expiry} onChange={(e) => setExpiry(e.target.value)} aria-describedby={fields.expiresInDays ? ids.expiryError : undefined}>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {choice.label}
            </option>
          ))}
          <option value="">Never</option>
        </select>
        {fields.expiresInDays && <FieldErrors id={ids.expiryError} messages={fields.expiresInDays} />}
      </div>
      <div>
        <Button type="submit" pending={create.isPending} pendingLabel="Creating token…">
          Create token
        </Button>
      </div>
    </form>
  );
}
