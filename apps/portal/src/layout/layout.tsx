import { Link, NavLink, Outlet } from 'react-router';
import { useAuth } from '../auth/auth-store';
import { ADVOCATE_ROLES, hasAnyRole, MODERATOR_ROLES, PARTNER_APPLICATION_ROLES, PARTNER_STAFF_ROLES, PLUGIN_REVIEW_ROLES, STRIPE_EVENT_ROLES } from '../auth/roles';
import { useSignOut } from '../auth/use-session';
import { Button } from '../components/feedback';
import { NotificationBell } from '../pages/notifications/notification-bell';
import { useMyPartners } from '../pages/partners/partner-api';

export function Layout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>
          Guild · <a href="/docs">API documentation</a>
        </p>
      </footer>
    </div>
  );
}

function Header() {
  const auth = useAuth();
  return (
    <header className="header">
      <div className="header__inner">
        <Link to="/" className="brand" aria-label="Guild home">
          <span className="brand__mark" aria-hidden="true">
            G
          </span>
          Guild
        </Link>
        <nav aria-label="Main" className="nav">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/plugins">Plugins</NavLink>
          <NavLink to="/community" end>
            Community
          </NavLink>
          <NavLink to="/community/ideas">Ideas</NavLink>
          <NavLink to="/community/leaderboard">Leaderboard</NavLink>
          {auth.status === 'signed-in' && (
            <>
              <NavLink to="/profile" end>
                Profile
              </NavLink>
              <NavLink to="/profile/tokens">API tokens</NavLink>
              <NavLink to="/partner-program">Partner program</NavLink>
              <MyPartners />
            </>
          )}
          {hasAnyRole(auth, PARTNER_APPLICATION_ROLES) && <NavLink to="/staff/partner-applications">Applications</NavLink>}
          {hasAnyRole(auth, PARTNER_STAFF_ROLES) && <NavLink to="/staff/partners">Partners</NavLink>}
          {hasAnyRole(auth, PLUGIN_REVIEW_ROLES) && <NavLink to="/staff/plugin-reviews">Plugin reviews</NavLink>}
          {hasAnyRole(auth, ADVOCATE_ROLES) && <NavLink to="/staff/advocates">Advocates</NavLink>}
          {hasAnyRole(auth, MODERATOR_ROLES) && <NavLink to="/staff/community-reports">Reports</NavLink>}
          {hasAnyRole(auth, STRIPE_EVENT_ROLES) && <NavLink to="/staff/stripe-events">Webhook events</NavLink>}
        </nav>
        <div className="session">{auth.status === 'signed-in' ? <SignedIn name={auth.user.displayName} /> : auth.status === 'signed-out' ? <SignedOut /> : null}</div>
      </div>
    </header>
  );
}

/** One entry per partner the member belongs to, straight to its dashboard; nothing while loading or on error. */
function MyPartners() {
  const partners = useMyPartners();
  if (!partners.data?.length) return null;
  return (
    <>
      {partners.data.map(({ partner }) => (
        <NavLink key={partner.id} to={`/partners/${partner.namespace}/dashboard`} aria-label={`${partner.name} partner dashboard`}>
          {partner.name}
        </NavLink>
      ))}
    </>
  );
}

function SignedIn({ name }: { name: string }) {
  const signOut = useSignOut();
  return (
    <>
      <NotificationBell />
      <span className="session__name" data-testid="session-name">
        {name}
      </span>
      <Button variant="secondary" size="small" pending={signOut.isPending} pendingLabel="Signing out…" onClick={() => signOut.mutate()}>
        Sign out
      </Button>
    </>
  );
}

function SignedOut() {
  return (
    <>
      <Link to="/sign-in">Sign in</Link>
      <Link to="/sign-up" className="button button--primary button--small">
        Sign up
      </Link>
    </>
  );
}
