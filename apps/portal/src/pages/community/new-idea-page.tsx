import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { MarkdownEditor } from '../plugins/markdown-editor';
import { useSubmitIdea } from './community-api';
import { CommunityNav } from './community-nav';
import { ListingField, listingRefused } from './listing-field';

const FIELDS = ['title', 'body', 'listing'] as const;

export function NewIdeaPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const submit = useSubmitIdea();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [listing, setListing] = useState(params.get('listing') ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate({ title: title.trim(), body, ...(listing.trim() ? { listing: listing.trim() } : {}) }, { onSuccess: (idea) => void navigate(`/community/ideas/${idea.id}`) });
  };
  const { fields } = splitFormError(submit.error, FIELDS);
  return (
    <section className="card">
      <CommunityNav />
      <p className="breadcrumb">
        <Link to="/community/ideas">Ideas</Link> / New
      </p>
      <h1>Submit an idea</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Submit an idea" className="stack">
        <FormAlert error={listingRefused(submit.error) ? undefined : submit.error} formFields={FIELDS} />
        <Field label="Title" name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} errors={fields.title} hint="The idea in one sentence (10 to 200 characters)." />
        <MarkdownEditor label="Description" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} hint="What you need and why. Markdown." />
        <ListingField
          value={listing}
          onChange={setListing}
          error={submit.error}
          errors={fields.listing}
          hint="When the idea is for one plugin: its name, like acme/timesheet-sync. Its partner can then plan it."
        />
        <FormActions submit="Submit idea" pendingLabel="Submitting…" pending={submit.isPending} />
      </form>
    </section>
  );
}
