import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Badge } from '../../components/badge';
import { Alert, Button } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { Timeline } from '../../components/timeline';
import { When } from '../../components/when';
import { MarkdownEditor } from '../plugins/markdown-editor';
import { Comments } from './comments';
import { useCreditIdea, useEditIdea, useIdea, useMoveIdea, type Idea, type IdeaStatusChange } from './community-api';
import { QueryGate } from './query-gate';
import { CommunityNav } from './community-nav';
import { IDEA_STATUS_LABELS, IdeaStatusBadge, NEXT_STATUSES, VoteToggle } from './idea-status';
import { HiddenNotice, ModerationControl } from './moderation';
import { ReportControl } from './report';
import { MemberName } from './people';
import { RevisionsPanel } from './revisions';

export function IdeaPage() {
  const { id = '' } = useParams();
  return <IdeaView key={id} id={id} />;
}

function IdeaView({ id }: { id: string }) {
  const idea = useIdea(id);
  return (
    <QueryGate query={idea} what="the idea" missing={{ title: 'Idea not found', text: 'There is no such idea, or it was removed.', link: { to: '/community/ideas', label: 'Browse the ideas' } }}>
      {(data) => (
        <div className="page-stack">
          <IdeaCard idea={data} />
          {data.viewer.canMoveStatus && NEXT_STATUSES[data.status].length > 0 && <StatusForm key={data.status} idea={data} />}
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title" className="card__title">
              History
            </h2>
            <Timeline
              label="Status history"
              entries={data.history.map((entry) => ({ at: entry.at, title: `${IDEA_STATUS_LABELS[entry.from]} → ${IDEA_STATUS_LABELS[entry.to]}`, who: entry.actor?.displayName ?? null, message: entry.note }))}
            />
          </section>
          {(data.status === 'shipped' || data.credits.length > 0) && <Credits idea={data} />}
          <section className="card" aria-labelledby="discussion-title">
            <h2 id="discussion-title" className="card__title">
              Discussion
            </h2>
            {data.comments.length === 0 && <p className="muted">No comments yet.</p>}
            <Comments kind="idea" id={data.id} comments={data.comments} label="the idea" />
          </section>
        </div>
      )}
    </QueryGate>
  );
}

function IdeaCard({ idea }: { idea: Idea }) {
  const [editing, setEditing] = useState(false);
  return (
    <article className="card" aria-labelledby="idea-title">
      <CommunityNav />
      <p className="breadcrumb">
        <Link to="/community/ideas">Ideas</Link>
      </p>
      <h1 id="idea-title">
        {idea.title} <IdeaStatusBadge status={idea.status} /> {idea.hidden && <Badge tone="failed">Hidden</Badge>}
      </h1>
      <HiddenNotice hidden={idea.hidden} kind="idea" />
      {idea.statusNote && (
        <Alert tone="info" title={IDEA_STATUS_LABELS[idea.status]}>
          <p data-testid="status-note">{idea.statusNote}</p>
          {idea.statusChangedAt && (
            <p className="muted">
              <When value={idea.statusChangedAt} empty="—" withTime />
            </p>
          )}
        </Alert>
      )}
      <p className="muted">
        Suggested by <MemberName member={idea.author} /> · <When value={idea.createdAt} empty="—" withTime />
        {idea.listing && (
          <>
            {' '}
            · for <Link to={`/plugins/${idea.listing.name}`}>{idea.listing.displayName}</Link>
          </>
        )}
      </p>
      <p>
        <VoteToggle idea={idea} title={idea.title} />
      </p>
      {editing ? (
        <EditIdea idea={idea} onDone={() => setEditing(false)} />
      ) : (
        // Rendered and sanitised by the API.
        <div className="markdown" dangerouslySetInnerHTML={{ __html: idea.bodyHtml }} />
      )}
      <div className="community-actions">
        {idea.viewer.canEdit && !editing && (
          <Button type="button" variant="secondary" size="small" onClick={() => setEditing(true)}>
            Edit idea
          </Button>
        )}
        <ModerationControl kind="idea" id={idea.id} hidden={Boolean(idea.hidden)} label="idea" />
        <ReportControl kind="idea" id={idea.id} authorId={idea.author.id} label="idea" />
      </div>
      <RevisionsPanel kind="idea" id={idea.id} editedAt={idea.editedAt} />
    </article>
  );
}

const EDIT_FIELDS = ['title', 'body'] as const;

function EditIdea({ idea, onDone }: { idea: Idea; onDone: () => void }) {
  const edit = useEditIdea(idea.id);
  const [title, setTitle] = useState(idea.title);
  const [body, setBody] = useState(idea.body);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate({ title: title.trim(), body }, { onSuccess: onDone });
  };
  const { fields } = splitFormError(edit.error, EDIT_FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the idea" className="stack">
      <FormAlert error={edit.error} formFields={EDIT_FIELDS} />
      <Field label="Title" name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} errors={fields.title} />
      <MarkdownEditor label="Description" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} />
      <div className="form-actions">
        <Button type="submit" pending={edit.isPending} pendingLabel="Saving…">
          Save changes
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const STATUS_FIELDS = ['status', 'note'] as const;
type NextStatus = IdeaStatusChange['status'];

/** For moderators and the listing's partner: move the idea on, with a public note its author and voters are told. */
function StatusForm({ idea }: { idea: Idea }) {
  const move = useMoveIdea(idea.id);
  const choices = NEXT_STATUSES[idea.status];
  const [status, setStatus] = useState<NextStatus>(choices[0]);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    move.mutate(
      { status, note: note.trim() },
      {
        onSuccess: (moved) => {
          setNote('');
          setDone(`The idea is now ${IDEA_STATUS_LABELS[moved.status].toLowerCase()}; its author and voters were told.`);
        },
      },
    );
  };
  const { fields } = splitFormError(move.error, STATUS_FIELDS);
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title" className="card__title">
        Change the status
      </h2>
      <form onSubmit={onSubmit} noValidate aria-label="Change the status" className="stack">
        {done && <Alert tone="success">{done}</Alert>}
        <FormAlert error={move.error} formFields={STATUS_FIELDS} />
        <SelectField
          label="New status"
          name="status"
          value={status}
          onChange={(e) => setStatus(choices.find((c) => c === e.target.value) ?? choices[0])}
          options={choices.map((c) => ({ value: c, label: IDEA_STATUS_LABELS[c] }))}
          errors={fields.status}
        />
        <TextAreaField label="Public note" name="note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} errors={fields.note} hint="Everyone reads it beside the status: what happens next, or why not." />
        <div className="form-actions">
          <Button type="submit" pending={move.isPending} pendingLabel="Saving…">
            Change status
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Who is credited for a shipped idea, and for staff the picker of comments whose authors shaped it. */
function Credits({ idea }: { idea: Idea }) {
  return (
    <section className="card" aria-labelledby="credits-title">
      <h2 id="credits-title" className="card__title">
        Credits
      </h2>
      {idea.credits.length === 0 ? (
        <p className="muted">Nobody is credited yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Credited members">
          {idea.credits.map((credit) => (
            <li key={`${credit.member.id}-${credit.role}`}>
              <MemberName member={credit.member} /> — {credit.role === 'author' ? 'suggested the idea' : 'shaped it in the discussion'}
            </li>
          ))}
        </ul>
      )}
      {idea.viewer.canCredit && <CreditPicker idea={idea} />}
    </section>
  );
}

function CreditPicker({ idea }: { idea: Idea }) {
  const credit = useCreditIdea(idea.id);
  const initial = idea.credits.flatMap((c) => (c.role === 'contributor' && c.commentId ? [c.commentId] : []));
  const [chosen, setChosen] = useState<string[]>(initial);
  const [saved, setSaved] = useState(false);
  const candidates = idea.comments.filter((comment) => !comment.hidden && comment.author.id !== idea.author.id);
  if (candidates.length === 0) return <p className="muted">No comments by other members to credit.</p>;
  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...list, id] : list.filter((c) => c !== id)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    credit.mutate(chosen, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Credit contributors" className="stack">
      <h3>Credit the discussion</h3>
      <p className="muted">Choose the comments that shaped what shipped; their authors are credited by name and earn points.</p>
      {saved && <Alert tone="success">Credits saved.</Alert>}
      <FormAlert error={credit.error} formFields={[]} />
      <ul className="plain-list stack">
        {candidates.map((comment) => (
          <li key={comment.id}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.includes(comment.id)} onChange={(e) => toggle(comment.id, e.target.checked)} />
              <span>
                <strong>{comment.author.displayName}</strong>: <span className="muted">{comment.body.slice(0, 140)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <Button type="submit" pending={credit.isPending} pendingLabel="Saving…">
          Save credits
        </Button>
      </div>
    </form>
  );
}
