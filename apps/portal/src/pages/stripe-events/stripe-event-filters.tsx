import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/feedback';
import { Field } from '../../components/field';
import { STATUS_CHOICES, statusChoiceLabel, type StatusChoice } from './stripe-event-status';

export interface AppliedFilter {
  status: StatusChoice;
  type: string;
}

/** The status applies as soon as it is picked; the typed event type only when the form is submitted. */
export function StripeEventFilters({ filter, onChange }: { filter: AppliedFilter; onChange: (filter: AppliedFilter) => void }) {
  const statusId = useId();
  const [type, setType] = useState(filter.type);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ status: filter.status, type: type.trim() });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Filter events" className="filters">
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={filter.status} onChange={(e) => onChange({ status: e.target.value as StatusChoice, type: filter.type })}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {statusChoiceLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Event type"
        name="type"
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        value={type}
        onChange={(e) => setType(e.target.value)}
        hint="The exact type, like invoice.paid."
      />
      <div className="filters__actions">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filter.type && (
          <Button type="button" variant="link" onClick={() => onChange({ status: filter.status, type: '' })}>
            Clear event type
          </Button>
        )}
      </div>
    </form>
  );
}
