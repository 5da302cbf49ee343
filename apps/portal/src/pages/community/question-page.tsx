import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { Badge } from '../../components/badge';
import { Alert, Button, ErrorAlert, Loading } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { When } from '../../components/when';
import { MarkdownEditor } from '../plugins/markdown-editor';
import { parseTags } from './ask-question-page';
import { Comments, SignInToTakePart } from './comments';
import { useAccept, useAnswer, useEditAnswer, useEditQuestion, useHelpful, useQuestion, type Answer, type Question } from './community-api';
import { QueryGate } from './query-gate';
import { CommunityNav } from './community-nav';
import { HiddenNotice, ModerationControl } from './moderation';
import { ReportControl } from './report';
import { MemberName } from './people';
import { RevisionsPanel } from './revisions';

export function QuestionPage() {
  const { id = '' } = useParams();
  return <QuestionView key={id} id={id} />;
}

function QuestionView({ id }: { id: string }) {
  const question = useQuestion(id);
  return (
    <QueryGate query={question} what="the question" missing={{ title: 'Question not found', text: 'There is no such question, or it was removed.', link: { to: '/community', label: 'Browse the questions' } }}>
      {(data) => (
        <div className="page-stack">
          <QuestionCard question={data} />
          <Answers question={data} />
          <AnswerArea question={data} />
        </div>
      )}
    </QueryGate>
  );
}

function QuestionCard({ question }: { question: Question }) {
  const [editing, setEditing] = useState(false);
  return (
    <article className="card" aria-labelledby="question-title">
      <CommunityNav />
      <p className="breadcrumb">
        <Link to="/community">Questions</Link>
      </p>
      <h1 id="question-title">
        {question.title} {question.accepted && <Badge tone="processed">Answered</Badge>} {question.hidden && <Badge tone="failed">Hidden</Badge>}
      </h1>
      <HiddenNotice hidden={question.hidden} kind="question" />
      <p className="muted">
        Asked by <MemberName member={question.author} /> · <When value={question.createdAt} empty="—" withTime />
        {question.listing && (
          <>
            {' '}
            · about <Link to={`/plugins/${question.listing.name}`}>{question.listing.displayName}</Link>
          </>
        )}
      </p>
      {question.tags.length > 0 && (
        <p aria-label="Tags">
          {question.tags.map((tag) => (
            <Link key={tag} className="tag" to={`/community?tag=${encodeURIComponent(tag)}`}>
              {tag}
            </Link>
          ))}
        </p>
      )}
      {editing ? (
        <EditQuestion question={question} onDone={() => setEditing(false)} />
      ) : (
        // Rendered and sanitised by the API.
        <div className="markdown" data-testid="question-body" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
      )}
      <div className="community-actions">
        {question.viewer.canEdit && !editing && (
          <Button type="button" variant="secondary" size="small" onClick={() => setEditing(true)}>
            Edit question
          </Button>
        )}
        <ModerationControl kind="question" id={question.id} hidden={Boolean(question.hidden)} label="question" />
        <ReportControl kind="question" id={question.id} authorId={question.author.id} label="question" />
      </div>
      <RevisionsPanel kind="question" id={question.id} editedAt={question.editedAt} />
      <Comments kind="question" id={question.id} comments={question.comments} label="the question" />
    </article>
  );
}

const QUESTION_FIELDS = ['title', 'body', 'tags'] as const;

function EditQuestion({ question, onDone }: { question: Question; onDone: () => void }) {
  const edit = useEditQuestion(question.id);
  const [title, setTitle] = useState(question.title);
  const [body, setBody] = useState(question.body);
  const [tags, setTags] = useState(question.tags.join(', '));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate({ title: title.trim(), body, tags: parseTags(tags) }, { onSuccess: onDone });
  };
  const { fields } = splitFormError(edit.error, QUESTION_FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the question" className="stack">
      <FormAlert error={edit.error} formFields={QUESTION_FIELDS} />
      <Field label="Title" name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} errors={fields.title} />
      <MarkdownEditor label="Question" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} />
      <Field label="Tags" name="tags" value={tags} onChange={(e) => setTags(e.target.value)} errors={fields.tags} hint="Up to 5, separated by commas." />
      <FormActions submit="Save changes" pendingLabel="Saving…" pending={edit.isPending} onCancel={onDone} />
    </form>
  );
}

function Answers({ question }: { question: Question }) {
  const count = question.answers.length;
  return (
    <section className="card" aria-labelledby="answers-title">
      <h2 id="answers-title" className="card__title">
        {count === 0 ? 'No answers yet' : count === 1 ? '1 answer' : `${count} answers`}
      </h2>
      {count === 0 ? (
        <div className="empty">
          <p>Nobody has answered yet. Know the answer? Share it below.</p>
        </div>
      ) : (
        <ol className="plain-list answers" aria-label="Answers">
          {question.answers.map((answer) => (
            <AnswerItem key={answer.id} answer={answer} question={question} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AnswerItem({ answer, question }: { answer: Answer; question: Question }) {
  const auth = useAuth();
  const [editing, setEditing] = useState(false);
  const mine = auth.status === 'signed-in' && auth.user.id === answer.author.id;
  const label = `the answer by ${answer.author.displayName}`;
  return (
    <li className={`answer${answer.accepted ? ' answer--accepted' : ''}`} aria-label={`Answer by ${answer.author.displayName}`} data-testid="answer">
      {answer.accepted && (
        <p className="answer__accepted">
          <Badge tone="processed">✓ Accepted answer</Badge>
        </p>
      )}
      <HiddenNotice hidden={answer.hidden} kind="answer" />
      <p className="muted">
        <MemberName member={answer.author} partnerMark={answer.byListingPartner} /> · <When value={answer.createdAt} empty="—" withTime />
      </p>
      {editing ? (
        <EditAnswer answer={answer} onDone={() => setEditing(false)} />
      ) : (
        // Rendered and sanitised by the API.
        <div className="markdown" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
      )}
      <div className="community-actions">
        <HelpfulToggle answer={answer} canVote={auth.status === 'signed-in' && !mine} />
        {question.viewer.canAccept && <AcceptButton answer={answer} />}
        {mine && !editing && (
          <Button type="button" variant="secondary" size="small" onClick={() => setEditing(true)}>
            Edit answer
          </Button>
        )}
        <ModerationControl kind="answer" id={answer.id} hidden={Boolean(answer.hidden)} label="answer" />
        <ReportControl kind="answer" id={answer.id} authorId={answer.author.id} label="answer" />
      </div>
      <RevisionsPanel kind="answer" id={answer.id} editedAt={answer.editedAt} />
      <Comments kind="answer" id={answer.id} comments={answer.comments} label={label} />
    </li>
  );
}

function HelpfulToggle({ answer, canVote }: { answer: Answer; canVote: boolean }) {
  const helpful = useHelpful(answer.id);
  const count = `${answer.helpfulCount} found this helpful`;
  if (!canVote) return <span className="muted helpful-count">{count}</span>;
  return (
    <>
      <Button
        type="button"
        variant={answer.votedHelpful ? 'primary' : 'secondary'}
        size="small"
        aria-pressed={answer.votedHelpful}
        pending={helpful.isPending}
        onClick={() => helpful.mutate(!answer.votedHelpful)}
      >
        Helpful · {answer.helpfulCount}
      </Button>
      <ErrorAlert error={helpful.error} />
    </>
  );
}

function AcceptButton({ answer }: { answer: Answer }) {
  const accept = useAccept(answer.id);
  return (
    <>
      <Button
        type="button"
        variant={answer.accepted ? 'secondary' : 'primary'}
        size="small"
        pending={accept.isPending}
        pendingLabel={answer.accepted ? 'Unaccepting…' : 'Accepting…'}
        onClick={() => accept.mutate(!answer.accepted)}
      >
        {answer.accepted ? 'Unaccept' : 'Accept this answer'}
      </Button>
      <ErrorAlert error={accept.error} />
    </>
  );
}

const ANSWER_FIELDS = ['body'] as const;

function EditAnswer({ answer, onDone }: { answer: Answer; onDone: () => void }) {
  const edit = useEditAnswer(answer.id);
  const [body, setBody] = useState(answer.body);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate(body, { onSuccess: onDone });
  };
  const { fields } = splitFormError(edit.error, ANSWER_FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the answer" className="stack">
      <FormAlert error={edit.error} formFields={ANSWER_FIELDS} />
      <MarkdownEditor label="Answer" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} />
      <FormActions submit="Save answer" pendingLabel="Saving…" pending={edit.isPending} onCancel={onDone} />
    </form>
  );
}

function AnswerArea({ question }: { question: Question }) {
  const auth = useAuth();
  if (question.hidden) return null;
  return (
    <section className="card" aria-labelledby="your-answer-title">
      <h2 id="your-answer-title" className="card__title">
        Your answer
      </h2>
      {auth.status === 'signed-in' ? <AnswerForm question={question} /> : auth.status === 'signed-out' ? <SignInToTakePart what="answer" /> : <Loading label="Restoring your session…" />}
    </section>
  );
}

function AnswerForm({ question }: { question: Question }) {
  const answer = useAnswer(question.id);
  const [body, setBody] = useState('');
  const [posted, setPosted] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    answer.mutate(body, {
      onSuccess: () => {
        setBody('');
        setPosted(true);
      },
    });
  };
  const { fields } = splitFormError(answer.error, ANSWER_FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Answer the question" className="stack">
      {posted && <Alert tone="success">Your answer is posted.</Alert>}
      <FormAlert error={answer.error} formFields={ANSWER_FIELDS} />
      <MarkdownEditor label="Answer" name="body" maxLength={20000} value={body} onChange={setBody} errors={fields.body} hint="Markdown. Be specific: steps, versions, settings." />
      <FormActions submit="Post answer" pendingLabel="Posting…" pending={answer.isPending} />
    </form>
  );
}
