import type { ReviewDetail } from './plugin-review-api';

type PermissionDiff = NonNullable<ReviewDetail['permissionDiff']>;

/**
 * What the version asks for, against the previous approved version: added permissions in green,
 * removed in red, the rest as they were. Marked with + and − too, not by colour alone.
 */
export function PermissionDiffView({ diff }: { diff: PermissionDiff }) {
  const { permissions } = diff;
  const total = permissions.added.length + permissions.removed.length + permissions.unchanged.length;
  return (
    <section aria-labelledby="permissions-title">
      <h2 id="permissions-title" className="card__title">
        Permissions
      </h2>
      <p className="muted">
        {diff.against ? (
          <>
            Compared with <code>{diff.against}</code>, the previous approved version: {permissions.added.length} added, {permissions.removed.length} removed.
          </>
        ) : (
          'No earlier approved version: every permission is new.'
        )}
      </p>
      {total === 0 ? (
        <p>This version asks for no permissions.</p>
      ) : (
        <ul className="diff" aria-label="Permission changes">
          {permissions.added.map((permission) => (
            <li key={`+${permission}`} className="diff__line diff__line--added">
              <span className="diff__mark" aria-hidden="true">
                +
              </span>
              <code>{permission}</code> <span className="visually-hidden">(added)</span>
            </li>
          ))}
          {permissions.removed.map((permission) => (
            <li key={`-${permission}`} className="diff__line diff__line--removed">
              <span className="diff__mark" aria-hidden="true">
                −
              </span>
              <code>{permission}</code> <span className="visually-hidden">(removed)</span>
            </li>
          ))}
          {permissions.unchanged.map((permission) => (
            <li key={`=${permission}`} className="diff__line">
              <span className="diff__mark" aria-hidden="true">
                {' '}
              </span>
              <code>{permission}</code> <span className="visually-hidden">(unchanged)</span>
            </li>
          ))}
        </ul>
      )}
      <SetChanges label="Events" change={diff.events} />
      <SetChanges label="Functions" change={diff.functions} />
      <SetChanges label="Outbound HTTP hosts" change={diff.httpHosts} />
    </section>
  );
}

function SetChanges({ label, change }: { label: string; change: { added: string[]; removed: string[] } }) {
  if (change.added.length === 0 && change.removed.length === 0) return null;
  return (
    <p className="diff-summary">
      <strong>{label}:</strong>{' '}
      {change.added.map((item) => (
        <span key={`+${item}`} className="diff__chip diff__chip--added">
          + {item}
        </span>
      ))}{' '}
      {change.removed.map((item) => (
        <span key={`-${item}`} className="diff__chip diff__chip--removed">
          − {item}
        </span>
      ))}
    </p>
  );
}
