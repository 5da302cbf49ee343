import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <section className="card card--narrow">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>. It may have moved, or the link may be mistyped.
      </p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </section>
  );
}
