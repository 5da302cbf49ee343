import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Last resort when a page throws while rendering: say so plainly and offer a way out. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : undefined;
  return (
    <main className="main">
      <section className="card card--narrow" role="alert">
        <h1>Something went wrong</h1>
        <p>This page failed to display. Reloading usually helps; if it keeps happening, please tell us what you were doing.</p>
        {detail && <pre className="muted">{detail}</pre>}
        <p>
          <Link to="/">Back to the home page</Link>
        </p>
      </section>
    </main>
  );
}
