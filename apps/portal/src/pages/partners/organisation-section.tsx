import { useState, type FormEvent } from 'react';
import { ExternalLinkOr } from '../../components/external-link';
import { Alert, Button } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { When } from '../../components/when';
import { useUpdatePartner, type PartnerChanges, type PartnerView } from './partner-api';

const FIELDS = ['name', 'website', 'bio', 'logoUrl'] as const;

export function OrganisationSection({ partner, canEdit }: { partner: PartnerView; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="organisation-title">
      <h2 id="organisation-title">Organisation</h2>
      {saved && !editing && <Alert tone="success">The organisation&rsquo;s details are saved.</Alert>}
      {editing ? (
        <EditOrganisation
          partner={partner}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          <dl className="details">
            <dt>Name</dt>
            <dd>{partner.name}</dd>
            <dt>Website</dt>
            <dd>
              <ExternalLinkOr href={partner.website} none="None" />
            </dd>
            <dt>Bio</dt>
            <dd className="prose">{partner.bio || <span className="muted">None yet</span>}</dd>
            <dt>Logo</dt>
            <dd>{partner.logoUrl ? <img className="logo" src={partner.logoUrl} alt={`${partner.name} logo`} /> : <span className="muted">None</span>}</dd>
            <dt>Partner since</dt>
            <dd>
              <When value={partner.createdAt} empty="—" />
            </dd>
          </dl>
          {canEdit && (
            <p>
              <Button type="button" variant="secondary" size="small" onClick={() => setEditing(true)}>
                Edit details
              </Button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function EditOrganisation({ partner, onDone }: { partner: PartnerView; onDone: (saved: boolean) => void }) {
  const update = useUpdatePartner(partner.namespace);
  const [form, setForm] = useState({ name: partner.name, website: partner.website ?? '', bio: partner.bio ?? '', logoUrl: partner.logoUrl ?? '' });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed is sent; an emptied optional field is cleared (null).
    const changes: PartnerChanges = {};
    if (form.name.trim() !== partner.name) changes.name = form.name.trim();
    for (const key of ['website', 'bio', 'logoUrl'] as const) {
      const value = form[key].trim();
      if (value !== (partner[key] ?? '')) changes[key] = value || null;
    }
    update.mutate(changes, { onSuccess: () => onDone(true) });
  };
  const { fields } = splitFormError(update.error, FIELDS);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the organisation" className="stack">
      <FormAlert error={update.error} formFields={FIELDS} />
      <Field label="Name" name="name" required maxLength={100} value={form.name} onChange={set('name')} errors={fields.name} />
      <Field label="Website" name="website" type="url" placeholder="https://" value={form.website} onChange={set('website')} errors={fields.website} />
      <TextAreaField label="Bio" name="bio" rows={4} value={form.bio} onChange={set('bio')} errors={fields.bio} hint="Shown on your public profile." />
      <Field label="Logo URL" name="logoUrl" type="url" placeholder="https://" value={form.logoUrl} onChange={set('logoUrl')} errors={fields.logoUrl} />
      <div className="form-actions">
        <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
          Save details
        </Button>
        <Button type="button" variant="secondary" disabled={update.isPending} onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
