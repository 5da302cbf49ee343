import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { LoadError, Loading } from '../../components/feedback';

interface Missing {
  title: string;
  text?: string;
  link: { to: string; label: string };
}

/** A page that stands on one query: loading, "not found" (a 404: missing, or hidden from this reader), other errors with retry, then the page. */
export function QueryGate<T>({ query, what, missing, children }: { query: UseQueryResult<T>; what: string; missing: Missing; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <section className="card">
        <Loading label={`Loading ${what}…`} />
      </section>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className="card card--narrow">
        {notFound ? (
          <>
            <h1>{missing.title}</h1>
            {missing.text && <p>{missing.text}</p>}
            <p>
              <Link to={missing.link.to}>{missing.link.label}</Link>
            </p>
          </>
        ) : (
          <LoadError error={query.error} what={what} onRetry={() => void query.refetch()} />
        )}
      </section>
    );
  }
  return <>{children(query.data)}</>;
}
