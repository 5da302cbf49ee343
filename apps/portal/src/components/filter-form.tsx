import { useState, type FormEvent } from 'react';
import { Button } from './feedback';
import { Field } from './field';
import { SelectField } from './select-field';
import type { ListFilter } from './use-url-filter';

interface FilterFormProps<S extends string> {
  /** The form's accessible name ("Filter partners"). */
  label: string;
  filter: ListFilter<S>;
  onChange: (next: ListFilter<S>) => void;
  statuses: readonly S[];
  statusLabel: (status: S) => string;
  /** The select's label: "Status" unless the choice is of something else ("Category"). */
  statusTitle?: string;
  /** The text field: its label, query name, hint, and the labels of the buttons that apply it ("Apply") and clear it. */
  text: { label: string; name: string; hint: string; submitLabel?: string; clearLabel: string };
}

/** A list's filters: the status applies as soon as it is picked, the text only when the form is submitted. */
export function FilterForm<S extends string>(props: FilterFormProps<S>) {
  // Keyed by the applied text: when the URL changes it (back, Clear), the field shows it again.
  return <Filters key={props.filter.text} {...props} />;
}

function Filters<S extends string>({ label, filter, onChange, statuses, statusLabel, statusTitle = 'Status', text }: FilterFormProps<S>) {
  const [typed, setTyped] = useState(filter.text);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ status: filter.status, text: typed.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="filters">
      <SelectField
        label={statusTitle}
        name="status"
        value={filter.status}
        onChange={(e) => onChange({ status: statuses.find((status) => status === e.target.value) ?? filter.status, text: filter.text })}
        options={statuses.map((status) => ({ value: status, label: statusLabel(status) }))}
      />
      <Field label={text.label} name={text.name} maxLength={100} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} hint={text.hint} />
      <div className="filters__actions">
        <Button type="submit" variant="secondary">
          {text.submitLabel ?? 'Apply'}
        </Button>
        {filter.text && (
          <Button type="button" variant="link" onClick={() => onChange({ status: filter.status, text: '' })}>
            {text.clearLabel}
          </Button>
        )}
      </div>
    </form>
  );
}
