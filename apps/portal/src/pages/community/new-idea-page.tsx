import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { MarkdownEditor } from '../plugins/markdown-editor';
import { listingErrors } from './ask-question-page';
import { useSubmitIdea } from './community-api';
import { CommunityNav } from './community-nav';

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
  const listingError = listingErrors(submit.error, fields);
  const listingRefused = listingError !== fields.listing;
  return (
    <section className="card">
      <CommunityNav />
      <p className="breadcrumb">
        <Link to="/community/ideas">Ideas</Link> / New
      </p>
      <h1>Submit an idea</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Submit an idea" className="stack">
        <FormAlert error={listingRefused ? undefined : submit.error} formFields={FIELDS} />
        <Field label="Title" name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} errors={fields.title} hint="The idea in one sentence (10 to 200 characters)." />
        <MarkdownEditor label="Description" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} hint="What you need and why. Markdown." />
        <Field
          label="Plugin (optional)"
          name="listing"
          autoComplete="off"
          spellCheck={false}
          placeholder="namespace/plugin"
          value={listing}
          onChange={(e) => setListing(e.target.value)}
          errors={listingError}
          hint="When the idea is for one plugin: its name, like acme/timesheet-sync. Its partner can then plan it."
        />
        <div className="form-actions">
          <Button type="submit" pending={submit.isPending} pendingLabel="Submitting…">
            Submit idea
          </Button>
        </div>
      </form>
    </section>
  );
}
