import { useState, type FormEvent } from 'react';
import { Button } from './feedback';
import { FormAlert, splitFormError } from './form-errors';
import { TextAreaField } from './text-area-field';

/** A reviewer's three answers (partner applications, plugin reviews): each a route of its own in the API. */
export type Decision = 'approve' | 'request-changes' | 'reject';

export interface DecisionInput {
  decision: Decision;
  /** Required by the API to request changes or reject; optional when approving. */
  message: string;
}

/** The decide mutation (TanStack Query's), as much of it as the form uses. */
interface DecideMutation {
  mutate: (input: DecisionInput, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  variables: DecisionInput | undefined;
  error: unknown;
}

interface DecisionFormProps {
  /** The form's accessible name ("Decide on the review"). */
  label: string;
  /** Who reads the message and is notified: "partner", "applicant". */
  recipient: string;
  /** What to say once approved (what approval did); the other two say the recipient was notified. */
  approved: string;
  decide: DecideMutation;
  /** Called with the confirmation to show once the decision is made. */
  onDecided: (done: string) => void;
}

const FIELDS = ['message'] as const;

/** Approve, request changes or reject, with a message; the API says beside the field when the message is missing. */
export function DecisionForm({ label, recipient, approved, decide, onDecided }: DecisionFormProps) {
  const [message, setMessage] = useState('');
  const choices: { decision: Decision; label: string; pendingLabel: string; variant: 'primary' | 'secondary' | 'danger'; done: string }[] = [
    { decision: 'approve', label: 'Approve', pendingLabel: 'Approving…', variant: 'primary', done: approved },
    { decision: 'request-changes', label: 'Request changes', pendingLabel: 'Requesting changes…', variant: 'secondary', done: `Changes requested: the ${recipient} was notified with your message.` },
    { decision: 'reject', label: 'Reject', pendingLabel: 'Rejecting…', variant: 'danger', done: `Rejected: the ${recipient} was notified with your message.` },
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Each button submits the form; the one pressed says which decision it is.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const choice = choices.find((c) => c.decision === submitter?.getAttribute('data-decision')) ?? choices[0];
    decide.mutate({ decision: choice.decision, message: message.trim() }, { onSuccess: () => onDecided(choice.done) });
  };
  const { fields } = splitFormError(decide.error, FIELDS);

  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title" className="card__title">
        Decision
      </h2>
      <form onSubmit={onSubmit} noValidate aria-label={label} className="stack">
        <FormAlert error={decide.error} formFields={FIELDS} />
        <TextAreaField
          label={`Message to the ${recipient}`}
          name="message"
          rows={4}
          maxLength={5000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          errors={fields.message}
          hint={`Required to request changes or reject: say what to change, or why. Optional when approving. The ${recipient} sees it.`}
        />
        <div className="form-actions">
          {choices.map((choice) => (
            <Button
              key={choice.decision}
              type="submit"
              data-decision={choice.decision}
              variant={choice.variant}
              disabled={decide.isPending}
              pending={decide.isPending && decide.variables?.decision === choice.decision}
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

/** The decision card when no decision can be made here, and why. */
export function DecisionClosed({ reason }: { reason: string }) {
  return (
    <section className="card">
      <h2 className="card__title">Decision</h2>
      <p className="muted">{reason}</p>
    </section>
  );
}
