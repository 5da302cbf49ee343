import { Link } from 'react-router';
import { useAuth } from '../auth/auth-store';

export function HomePage() {
  const auth = useAuth();
  return (
    <>
      <section className="hero">
        <h1>Add-ons for the tools your team already runs</h1>
        <p className="hero__lead">
          Guild is a partner marketplace. Partners publish plugins and integrations; buyers find them, install them into their workspaces with
          exactly the permissions they approve, and pay through one checkout. Partners are paid out as they grow through Guild&rsquo;s tiers.
        </p>
        {auth.status === 'signed-in' ? (
          <p className="hero__actions">
            <span>Welcome back, {auth.user.displayName}.</span> <Link to="/profile">Go to your profile</Link>
          </p>
        ) : auth.status === 'signed-out' ? (
          <p className="hero__actions">
            <Link to="/sign-up" className="button button--primary">
              Create an account
            </Link>
            <Link to="/sign-in" className="button button--secondary">
              Sign in
            </Link>
          </p>
        ) : null}
      </section>
      <section className="features" aria-label="What Guild offers">
        <article>
          <h2>For buyers</h2>
          <p>Search the catalog, read reviews, install add-ons per workspace and see every permission they use.</p>
        </article>
        <article>
          <h2>For partners</h2>
          <p>Publish versions from CI with a scoped API token, follow installs and revenue, and get paid out on a clear schedule.</p>
        </article>
        <article>
          <h2>For the community</h2>
          <p>Ask questions, share ideas and help others; the most helpful members show up on the leaderboards.</p>
        </article>
      </section>
    </>
  );
}
