import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, LoadError } from './feedback';

type PagedQuery = Pick<UseInfiniteQueryResult, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage' | 'isRefetchError' | 'isFetchNextPageError' | 'error' | 'refetch'>;

/**
 * The tail of an infinite list: "Load more" while there are pages left, and the error of a failed
 * later page or refresh, which keeps what is already shown. `what` is the items' plural ("tokens").
 */
export function LoadMore({ query, what }: { query: PagedQuery; what: string }) {
  return (
    <>
      {query.hasNextPage && (
        <Button variant="secondary" type="button" pending={query.isFetchingNextPage} pendingLabel="Loading more…" onClick={() => void query.fetchNextPage()}>
          Load more
        </Button>
      )}
      {query.isRefetchError && (
        <LoadError
          error={query.error}
          what={query.isFetchNextPageError ? `more ${what}` : `the latest ${what}`}
          onRetry={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())}
        />
      )}
    </>
  );
}
