import { useState, type FormEvent } from 'react';
import { Button } from '../../components/feedback';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { useDecideReview, type ReviewDecision, type ReviewDetail } from './plugin-review-api';

const FIELDS = ['message'] as const;

function choices(review: ReviewDetail) {
  const what = review.kind === 'version' ? 'the version is published' : 'the new listing copy is public';
  return [
    { decision: 'approve' as ReviewDecision, label: 'Approve', pendingLabel: 'Approving…', variant: 'primary' as const, done: `Approved: ${what} and the partner was notified.` },
    { decision: 'request-changes' as ReviewDecision, label: 'Request changes', pendingLabel: 'Requesting changes…', variant: 'secondary' as const, done: 'Changes requested: the partner was notified with your message.' },
    { decision: 'reject' as ReviewDecision, label: 'Reject', pendingLabel: 'Rejecting…', variant: 'danger' as const, done: 'Rejected: the partner was notified with your message.' },
  ];
}

/** Approve, request changes or reject; a message is required for the last two (the API says so beside the field). */
export function ReviewDecisionForm({ review, onDecided }: { review: ReviewDetail; onDecided: (done: string) => void }) {
  const decide = useDecideReview(review.id);
  const [message, setMessage] = useState('');
  const options = choices(review);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const choice = options.find((o) => o.decision === submitter?.getAttribute('data-decision')) ?? options[0];
    decide.mutate({ decision: choice.decision, message: message.trim() }, { onSuccess: () => onDecided(choice.done) });
  };
  const { fields } = splitFormError(decide.error, FIELDS);

  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title" className="card__title">
        Decision
      </h2>
      <form onSubmit={onSubmit} noValidate aria-label="Decide on the review" className="stack">
        <FormAlert error={decide.error} formFields={FIELDS} />
        <TextAreaField
          label="Message to the partner"
          name="message"
          rows={4}
          maxLength={5000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          errors={fields.message}
          hint="Required to request changes or reject: say what to change, or why. Optional when approving. The partner sees it."
        />
        <div className="form-actions">
          {options.map((choice) => (
            <Button
              key={choice.decision}
              type="submit"
              data-decision={choice.decision}
              variant={choice.variant}
              disabled={decide.isPending}
              pending={decide.isPending && decide.variables.decision === choice.decision}
              pendingLabel={choice.pendingLabel}
            >
              {choice.label}
            </Button>
          ))}
        </div>
      </form>
    </section>
  );
}
