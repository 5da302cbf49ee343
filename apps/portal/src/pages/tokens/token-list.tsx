import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Button, LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { useRevokeToken, useTokens, type TokenSummary } from './token-api';

export function TokenList() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<TokenSummary>();

  if (tokens.isPending) return <Loading label="Loading your tokens…" />;
  // A failed first load replaces the list; a failed later page or refresh keeps what is already shown.
  if (tokens.isLoadingError) return <LoadError error={tokens.error} what="your API tokens" onRetry={() => void tokens.refetch()} />;
  const items = tokens.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>You have no API tokens yet.</p>
        <p className="muted">Create one above to let a script or your CI call Guild as you.</p>
      </div>
    );
  }

  const closeDialog = () => {
    setRevoking(undefined);
    revoke.reset();
  };

  return (
    <>
      <Table label="Your API tokens" columns={['Name', 'Token', 'Scopes', 'Created', 'Expires', 'Last used']} actions>
        {items.map((token) => (
          <tr key={token.id}>
            <th scope="row">{token.name}</th>
            <td>
              <code>{token.prefix}…</code>
            </td>
            <td>
              <ul className="badges">
                {token.scopes.map((scope) => (
                  <li key={scope} className="badge">
                    {scope}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <When value={token.createdAt} empty="—" />
            </td>
            <td>
              <When value={token.expiresAt} empty="Never" />
            </td>
            <td>
              <When value={token.lastUsedAt} empty="Never used" withTime />
            </td>
            <td className="table__actions">
              <Button variant="danger" size="small" type="button" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                Revoke
              </Button>
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore query={tokens} what="tokens" />
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          pendingLabel="Revoking…"
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={closeDialog}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: closeDialog })}
        >
          <p>Anything using this token stops working at once. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
