import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { useCreateListing } from './plugin-api';

const FIELDS = ['name', 'displayName'] as const;

/** Starts a draft listing for a plugin name in the partner's namespace, then opens it to be filled in. */
export function NewListingForm({ namespace }: { namespace: string }) {
  const create = useCreateListing(namespace);
  const navigate = useNavigate();
  const [plugin, setPlugin] = useState('');
  const [displayName, setDisplayName] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = `${namespace}/${plugin.trim()}`;
    create.mutate(
      { name, displayName: displayName.trim() },
      { onSuccess: (listing) => void navigate(`/partners/${namespace}/plugins/${listing.plugin}`, { state: { created: true } }) },
    );
  };
  const { fields } = splitFormError(create.error, FIELDS);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a listing" className="stack">
      <FormAlert error={create.error} formFields={FIELDS} />
      <Field
        label="Plugin name"
        name="plugin"
        required
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        value={plugin}
        onChange={(e) => setPlugin(e.target.value.toLowerCase())}
        errors={fields.name}
        hint={
          <>
            The name in your plugin&rsquo;s manifest after <code>{namespace}/</code>: lower-case letters, digits and hyphens. It cannot change later.
          </>
        }
      />
      <Field label="Display name" name="displayName" required maxLength={60} value={displayName} onChange={(e) => setDisplayName(e.target.value)} errors={fields.displayName} hint="What buyers see in the catalog." />
      <div>
        <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
          Create listing
        </Button>
      </div>
    </form>
  );
}
