import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { Button } from '../../components/feedback';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { When } from '../../components/when';
import { useAddComment, useEditComment, type Comment, type ContentKind } from './community-api';
import { HiddenNotice, ModerationControl } from './moderation';
import { ReportControl } from './report';
import { MemberName } from './people';
import { RevisionsPanel } from './revisions';

const FIELDS = ['body'] as const;

/** The comments under a question, an answer or an idea, and a form to add one. */
export function Comments({ kind, id, comments, label }: { kind: Exclude<ContentKind, 'comment'>; id: string; comments: Comment[]; label: string }) {
  const [adding, setAdding] = useState(false);
  const auth = useAuth();
  return (
    <section className="comments" aria-label={`Comments on ${label}`}>
      {comments.length > 0 && (
        <ul className="plain-list comments__list">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ul>
      )}
      {auth.status === 'signed-in' &&
        (adding ? (
          <CommentForm kind={kind} id={id} label={label} onDone={() => setAdding(false)} />
        ) : (
          <Button type="button" variant="link" size="small" onClick={() => setAdding(true)}>
            Add a comment
          </Button>
        ))}
    </section>
  );
}

function CommentItem({ comment }: { comment: Comment }) {
  const auth = useAuth();
  const [editing, setEditing] = useState(false);
  const mine = auth.status === 'signed-in' && auth.user.id === comment.author.id;
  return (
    <li className={`comment${comment.hidden ? ' comment--hidden' : ''}`} data-testid="comment">
      <HiddenNotice hidden={comment.hidden} kind="comment" />
      {editing ? (
        <EditComment comment={comment} onDone={() => setEditing(false)} />
      ) : (
        // Rendered and sanitised by the API.
        <div className="markdown comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      )}
      <p className="muted comment__meta">
        <MemberName member={comment.author} /> · <When value={comment.createdAt} empty="—" withTime />
        {mine && !editing && (
          <>
            {' '}
            ·{' '}
            <Button type="button" variant="link" size="small" onClick={() => setEditing(true)}>
              Edit
            </Button>
          </>
        )}
      </p>
      <RevisionsPanel kind="comment" id={comment.id} editedAt={comment.editedAt} />
      <ModerationControl kind="comment" id={comment.id} hidden={Boolean(comment.hidden)} label="comment" />
      <ReportControl kind="comment" id={comment.id} authorId={comment.author.id} label="comment" />
    </li>
  );
}

function CommentForm({ kind, id, label, onDone }: { kind: Exclude<ContentKind, 'comment'>; id: string; label: string; onDone: () => void }) {
  const add = useAddComment(kind, id);
  const [body, setBody] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(body.trim(), { onSuccess: onDone });
  };
  const { fields } = splitFormError(add.error, FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Comment on ${label}`} className="stack">
      <FormAlert error={add.error} formFields={FIELDS} />
      <TextAreaField label="Comment" name="body" rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} errors={fields.body} hint="Markdown." />
      <FormActions submit="Post comment" pendingLabel="Posting…" pending={add.isPending} size="small" onCancel={onDone} />
    </form>
  );
}

function EditComment({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const edit = useEditComment(comment.id);
  const [body, setBody] = useState(comment.body);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate(body.trim(), { onSuccess: onDone });
  };
  const { fields } = splitFormError(edit.error, FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the comment" className="stack">
      <FormAlert error={edit.error} formFields={FIELDS} />
      <TextAreaField label="Comment" name="body" rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} errors={fields.body} />
      <FormActions submit="Save" pendingLabel="Saving…" pending={edit.isPending} size="small" onCancel={onDone} />
    </form>
  );
}

/** For visitors: where to sign in to take part, coming back here. */
export function SignInToTakePart({ what }: { what: string }) {
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <p className="muted">
      <Link to={`/sign-in?next=${next}`}>Sign in</Link> or <Link to={`/sign-up?next=${next}`}>create an account</Link> to {what}.
    </p>
  );
}
