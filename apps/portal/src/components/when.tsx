const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const preciseFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A date (or date and time) in the reader's locale, machine-readable in `dateTime`; `empty` when there is none. */
export function When({ value, empty, withTime = false, precise = false }: { value: string | null | undefined; empty: string; withTime?: boolean; precise?: boolean }) {
  if (!value) return <span className="muted">{empty}</span>;
  const format = precise ? preciseFormat : withTime ? dateTimeFormat : dateFormat;
  return <time dateTime={value}>{format.format(new Date(value))}</time>;
}
