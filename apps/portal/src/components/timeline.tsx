import { When } from './when';

export interface TimelineEntry {
  at: string;
  /** What happened, in the reader's words ("Changes requested"). */
  title: string;
  /** Who did it; null when the reader is not told (a reviewer, to a partner). */
  who: string | null;
  message: string | null;
}

/** The steps of a review or an application, oldest first, with who took each and what they said. */
export function Timeline({ label, entries }: { label: string; entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__entry">
          <p className="timeline__head">
            <strong>{entry.title}</strong>
            {entry.who && <span className="muted"> by {entry.who}</span>} · <When value={entry.at} empty="—" withTime />
          </p>
          {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
