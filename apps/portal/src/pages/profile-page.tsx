import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { LoadError, Loading } from '../components/feedback';

export const meQuery = {
  queryKey: ['me'] as const,
  queryFn: async () => unwrap(await api.GET('/v1/me')),
};

export function ProfilePage() {
  const me = useQuery(meQuery);
  return (
    <section className="card">
      <h1>Your profile</h1>
      {me.isPending ? (
        <Loading label="Loading your profile…" />
      ) : me.isError ? (
        <LoadError error={me.error} what="your profile" onRetry={() => void me.refetch()} />
      ) : (
        <dl className="details">
          <dt>Email</dt>
          <dd data-testid="profile-email">{me.data.email}</dd>
          <dt>Display name</dt>
          <dd data-testid="profile-display-name">{me.data.displayName}</dd>
          <dt>Roles</dt>
          <dd>
            <ul className="badges" aria-label="Roles">
              {me.data.roles.map((role) => (
                <li key={role} className="badge">
                  {role}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      <h2>API tokens</h2>
      <p>
        Personal tokens let scripts and CI call Guild&rsquo;s API as you, limited to the scopes you choose.{' '}
        <Link to="/profile/tokens">Manage API tokens</Link>
      </p>
    </section>
  );
}
