import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { MarkdownEditor } from '../plugins/markdown-editor';
import { useAskQuestion } from './community-api';
import { CommunityNav } from './community-nav';
import { ListingField, listingRefused } from './listing-field';

const FIELDS = ['title', 'body', 'tags', 'listing'] as const;

/** "a, B ,c" → ['a', 'b', 'c']: the API lower-cases and dedupes too, and says which tag it refuses. */
export const parseTags = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);

export function AskQuestionPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ask = useAskQuestion();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const [listing, setListing] = useState(params.get('listing') ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate(
      { title: title.trim(), body, tags: parseTags(tags), ...(listing.trim() ? { listing: listing.trim() } : {}) },
      { onSuccess: (question) => void navigate(`/community/questions/${question.id}`) },
    );
  };
  const { fields } = splitFormError(ask.error, FIELDS);
  return (
    <section className="card">
      <CommunityNav />
      <p className="breadcrumb">
        <Link to="/community">Questions</Link> / Ask
      </p>
      <h1>Ask a question</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Ask a question" className="stack">
        <FormAlert error={listingRefused(ask.error) ? undefined : ask.error} formFields={FIELDS} />
        <Field label="Title" name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} errors={fields.title} hint="The question in one sentence (10 to 200 characters)." />
        <MarkdownEditor label="Question" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} hint="What you tried and what happened. Markdown." />
        <Field label="Tags" name="tags" autoComplete="off" spellCheck={false} value={tags} onChange={(e) => setTags(e.target.value)} errors={fields.tags} hint="Up to 5, separated by commas: lowercase letters, digits and hyphens." />
        <ListingField
          value={listing}
          onChange={setListing}
          error={ask.error}
          errors={fields.listing}
          hint="When the question is about one plugin: its name, like acme/timesheet-sync. Its partner's answers are marked."
        />
        <FormActions submit="Post question" pendingLabel="Posting…" pending={ask.isPending} />
      </form>
    </section>
  );
}
