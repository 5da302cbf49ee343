import { useState } from 'react';
import { Button, LoadError, Loading } from '../../components/feedback';
import { ConfirmDialog } from '../../components/confirm-dialog';
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
      <div className="table-wrap">
        <table className="table" aria-label="Your API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      {tokens.hasNextPage && (
        <Button variant="secondary" type="button" pending={tokens.isFetchingNextPage} pendingLabel="Loading more…" onClick={() => void tokens.fetchNextPage()}>
          Load more
        </Button>
      )}
      {tokens.isRefetchError && (
        <LoadError error={tokens.error} what={tokens.isFetchNextPageError ? 'more tokens' : 'the latest tokens'} onRetry={() => void (tokens.isFetchNextPageError ? tokens.fetchNextPage() : tokens.refetch())} />
      )}
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
