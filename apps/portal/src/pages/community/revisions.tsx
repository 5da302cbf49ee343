import { useState } from 'react';
import { LoadError, Loading } from '../../components/feedback';
import { When } from '../../components/when';
import { useRevisions, type ContentKind } from './community-api';

/** "Edited": opens every version, the original first, as the API rendered each. */
export function RevisionsPanel({ kind, id, editedAt }: { kind: ContentKind; id: string; editedAt: string | null }) {
  const [open, setOpen] = useState(false);
  const revisions = useRevisions(kind, id, open);
  if (!editedAt) return null;
  return (
    <details className="revisions" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Edited <When value={editedAt} empty="—" withTime /> · history
      </summary>
      {!open ? null : revisions.isPending ? (
        <Loading label="Loading the history…" />
      ) : revisions.isError ? (
        <LoadError error={revisions.error} what="the history" onRetry={() => void revisions.refetch()} />
      ) : (
        <ol className="plain-list stack" aria-label={`Revisions of the ${kind}`}>
          {revisions.data.map((revision) => (
            <li key={revision.revision} className="subcard">
              <p className="muted">
                Revision {revision.revision}
                {revision.editor && <> by {revision.editor.displayName}</>} · <When value={revision.createdAt} empty="—" withTime />
              </p>
              {revision.title && <h4>{revision.title}</h4>}
              {/* Rendered and sanitised by the API. */}
              <div className="markdown" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
              {revision.tags && revision.tags.length > 0 && <p className="muted">Tags: {revision.tags.join(', ')}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
