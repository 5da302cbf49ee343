import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { Badge } from '../../components/badge';
import { Button, LoadError, Loading } from '../../components/feedback';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { SelectField } from '../../components/select-field';
import { When } from '../../components/when';
import { useQuestions, useQuestionTags, type QuestionFilter, type QuestionSort } from './community-api';
import { Choices, CommunityNav } from './community-nav';
import { MemberName } from './people';

const SORTS = [
  { value: 'newest', label: 'Newest' },
  { value: 'active', label: 'Active' },
  { value: 'unanswered', label: 'Unanswered' },
] as const satisfies readonly { value: QuestionSort; label: string }[];

/** Q&A: members ask, others answer; search, a tag and the order live in the URL. */
export function QuestionsPage() {
  const [params, setParams] = useSearchParams();
  const filter: QuestionFilter = {
    sort: SORTS.find((s) => s.value === params.get('sort'))?.value ?? 'newest',
    q: params.get('q')?.trim() || undefined,
    tag: params.get('tag')?.trim() || undefined,
    listing: params.get('listing')?.trim() || undefined,
  };
  const apply = (next: QuestionFilter) => {
    const search = new URLSearchParams();
    if (next.sort !== 'newest') search.set('sort', next.sort);
    if (next.q) search.set('q', next.q);
    if (next.tag) search.set('tag', next.tag);
    if (next.listing) search.set('listing', next.listing);
    setParams(search);
  };
  const auth = useAuth();
  const ask = filter.listing ? `/community/questions/new?listing=${encodeURIComponent(filter.listing)}` : '/community/questions/new';
  return (
    <section className="card">
      <CommunityNav />
      <div className="card__header">
        <h1>Questions</h1>
        {auth.status !== 'restoring' && (
          <Link className="button button--primary" to={auth.status === 'signed-in' ? ask : `/sign-in?next=${encodeURIComponent(ask)}`}>
            Ask a question
          </Link>
        )}
      </div>
      <p className="muted">Ask the community about Guild and its plugins; answers the asker accepts earn their authors points.</p>
      {filter.listing && (
        <p className="muted">
          Questions about <Link to={`/plugins/${filter.listing}`}>{filter.listing}</Link> ·{' '}
          <Button type="button" variant="link" onClick={() => apply({ ...filter, listing: undefined })}>
            All questions
          </Button>
        </p>
      )}
      <QuestionFilters key={`${filter.q ?? ''}`} filter={filter} onChange={apply} />
      <Choices label="Sort questions" choices={SORTS} value={filter.sort} onChange={(sort) => apply({ ...filter, sort })} />
      <QuestionList key={JSON.stringify(filter)} filter={filter} />
    </section>
  );
}

function QuestionFilters({ filter, onChange }: { filter: QuestionFilter; onChange: (next: QuestionFilter) => void }) {
  const [typed, setTyped] = useState(filter.q ?? '');
  const tags = useQuestionTags();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, q: typed.trim() || undefined });
  };
  const tagOptions = [{ value: '', label: 'All tags' }, ...(tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))];
  if (filter.tag && !tags.data?.some((t) => t.tag === filter.tag)) tagOptions.push({ value: filter.tag, label: filter.tag });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Search questions" className="filters">
      <Field label="Search" name="q" maxLength={200} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} hint="Words from the title or the question." />
      <SelectField label="Tag" name="tag" value={filter.tag ?? ''} onChange={(e) => onChange({ ...filter, tag: e.target.value || undefined })} options={tagOptions} />
      <div className="filters__actions">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {filter.q && (
          <Button type="button" variant="link" onClick={() => onChange({ ...filter, q: undefined })}>
            Clear search
          </Button>
        )}
      </div>
    </form>
  );
}

function QuestionList({ filter }: { filter: QuestionFilter }) {
  const questions = useQuestions(filter);
  if (questions.isPending) return <Loading label="Loading questions…" />;
  if (questions.isLoadingError) return <LoadError error={questions.error} what="the questions" onRetry={() => void questions.refetch()} />;
  const items = questions.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>{filter.q || filter.tag || filter.listing ? 'No questions match.' : filter.sort === 'unanswered' ? 'Every question has an answer.' : 'No questions yet. Be the first to ask.'}</p>
      </div>
    );
  }
  return (
    <>
      <ul className="plain-list community-list" aria-label="Questions">
        {items.map((question) => (
          <li key={question.id} className="community-list__item">
            <div className="community-list__count" aria-label={`${question.answerCount} answers`}>
              <strong>{question.answerCount}</strong>
              <span className="muted">{question.answerCount === 1 ? 'answer' : 'answers'}</span>
              {question.accepted && <Badge tone="processed">Accepted</Badge>}
            </div>
            <div>
              <h2 className="community-list__title">
                <Link to={`/community/questions/${question.id}`}>{question.title}</Link> {question.hidden && <Badge tone="failed">Hidden</Badge>}
              </h2>
              <p className="community-list__excerpt">{question.excerpt}</p>
              <p className="muted community-list__meta">
                {question.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}{' '}
                {question.listing && (
                  <>
                    about <Link to={`/plugins/${question.listing.name}`}>{question.listing.displayName}</Link> ·{' '}
                  </>
                )}
                asked by <MemberName member={question.author} /> <When value={question.createdAt} empty="—" /> · active <When value={question.lastActivityAt} empty="—" />
              </p>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore query={questions} what="questions" />
    </>
  );
}
