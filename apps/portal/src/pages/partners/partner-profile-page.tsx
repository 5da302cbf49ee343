import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ExternalLink } from '../../components/external-link';
import { LoadError, Loading } from '../../components/feedback';
import { When } from '../../components/when';
import { usePublicProfile } from './partner-api';

/** A partner's public face: who they are and what they publish. */
export function PartnerProfilePage() {
  const { namespace = '' } = useParams();
  const profile = usePublicProfile(namespace);

  if (profile.isPending) {
    return (
      <section className="card">
        <Loading label="Loading the partner…" />
      </section>
    );
  }
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return (
        <section className="card card--narrow">
          <h1>Partner not found</h1>
          <p>
            No partner uses the namespace <code>@{namespace}</code>.
          </p>
          <p>
            <Link to="/">Back to the home page</Link>
          </p>
        </section>
      );
    }
    return (
      <section className="card">
        <LoadError error={profile.error} what="this partner" onRetry={() => void profile.refetch()} />
      </section>
    );
  }

  const partner = profile.data;
  return (
    <section className="card">
      <div className="profile-head">
        {partner.logoUrl && <img className="logo" src={partner.logoUrl} alt="" />}
        <div>
          <h1>{partner.name}</h1>
          <p className="muted">
            <code>@{partner.namespace}</code> · Partner since <When value={partner.memberSince} empty="—" />
          </p>
        </div>
      </div>
      {partner.bio ? <p className="prose">{partner.bio}</p> : <p className="muted">This partner has not written a bio yet.</p>}
      {partner.website && (
        <p>
          <ExternalLink href={partner.website} />
        </p>
      )}
      <h2>Plugins</h2>
      {partner.plugins.length === 0 ? (
        <div className="empty">
          <p>No plugins published yet.</p>
        </div>
      ) : (
        // Listings come with the plugins domain; until then only their number is known here.
        <p>{partner.plugins.length === 1 ? '1 plugin' : `${partner.plugins.length} plugins`} published.</p>
      )}
    </section>
  );
}
