import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { hasAnyRole, PARTNER_STAFF_ROLES, PARTNER_SUSPENSION_ROLES } from '../../auth/roles';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { Field } from '../../components/field';
import { When } from '../../components/when';
import { PartnerStatusDialog, type PendingChange } from './partner-status-dialog';
import { useStaffPartners, type PartnerStatus, type StaffPartner, type StaffPartnerFilter } from './staff-partner-api';

const STATUS_LABELS: Record<PartnerStatus, string> = { active: 'Active', suspended: 'Suspended' };
const STATUS_CHOICES = ['all', 'active', 'suspended'] as const;
type StatusChoice = (typeof STATUS_CHOICES)[number];
const parseStatus = (value: string | null): StatusChoice => STATUS_CHOICES.find((choice) => choice === value) ?? 'all';
const choiceLabel = (choice: StatusChoice) => (choice === 'all' ? 'All' : STATUS_LABELS[choice]);

interface AppliedFilter {
  status: StatusChoice;
  q: string;
}

export function StaffPartnersPage() {
  const auth = useAuth();
  if (!hasAnyRole(auth, PARTNER_STAFF_ROLES)) {
    return (
      <section className="card">
        <h1>Partners</h1>
        <Alert tone="info">You need the reviewer or admin role to see this page.</Alert>
      </section>
    );
  }
  return <Partners canChangeStatus={hasAnyRole(auth, PARTNER_SUSPENSION_ROLES)} />;
}

/** The filters live in the URL (`?status=…&q=…`), so a reload or a shared link shows the same list. */
function Partners({ canChangeStatus }: { canChangeStatus: boolean }) {
  const [params, setParams] = useSearchParams();
  const filter: AppliedFilter = { status: parseStatus(params.get('status')), q: params.get('q')?.trim() ?? '' };
  const [done, setDone] = useState<string>();

  const apply = (next: AppliedFilter) => {
    setDone(undefined);
    const search = new URLSearchParams();
    if (next.status !== 'all') search.set('status', next.status);
    if (next.q) search.set('q', next.q);
    setParams(search);
  };

  return (
    <section className="card">
      <h1>Partners</h1>
      <p className="muted">
        Every partner, newest first.{' '}
        {canChangeStatus ? 'Suspending one hides its public profile and closes Stripe onboarding until it is reinstated; the owner is notified either way.' : 'Admins can suspend and reinstate partners.'}
      </p>
      <PartnerFilters key={filter.q} filter={filter} onChange={apply} />
      {done && <Alert tone="success">{done}</Alert>}
      <PartnerList
        key={`${filter.status} ${filter.q}`}
        filter={{ ...(filter.status !== 'all' ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}) }}
        canChangeStatus={canChangeStatus}
        onChanged={setDone}
      />
    </section>
  );
}

/** The status applies as soon as it is picked; the search only when the form is submitted. */
function PartnerFilters({ filter, onChange }: { filter: AppliedFilter; onChange: (filter: AppliedFilter) => void }) {
  const statusId = useId();
  const [q, setQ] = useState(filter.q);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ status: filter.status, q: q.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Filter partners" className="filters">
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={filter.status} onChange={(e) => onChange({ status: parseStatus(e.target.value), q: filter.q })}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <Field label="Search" name="q" maxLength={100} autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} hint="Name or namespace (the owner's email works too)." />
      <div className="filters__actions">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filter.q && (
          <Button type="button" variant="link" onClick={() => onChange({ status: filter.status, q: '' })}>
            Clear search
          </Button>
        )}
      </div>
    </form>
  );
}

interface PartnerListProps {
  filter: StaffPartnerFilter;
  canChangeStatus: boolean;
  onChanged: (message: string) => void;
}

function PartnerList({ filter, canChangeStatus, onChanged }: PartnerListProps) {
  const partners = useStaffPartners(filter);
  const [changing, setChanging] = useState<PendingChange>();

  if (partners.isPending) return <Loading label="Loading partners…" />;
  // A failed first load replaces the list; a failed later page or refresh keeps what is already shown.
  if (partners.isLoadingError) return <LoadError error={partners.error} what="partners" onRetry={() => void partners.refetch()} />;
  const items = partners.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>
          No {filter.status ? `${STATUS_LABELS[filter.status].toLowerCase()} ` : ''}partners{filter.q && <> matching “{filter.q}”</>}.
        </p>
        {(filter.status || filter.q) && <p className="muted">Try another status or search.</p>}
      </div>
    );
  }

  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-label="Partners">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Namespace</th>
              <th scope="col">Owner</th>
              <th scope="col">Status</th>
              <th scope="col">Payouts ready</th>
              <th scope="col">Partner since</th>
              {canChangeStatus && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((partner) => (
              <PartnerRow key={partner.id} partner={partner} canChangeStatus={canChangeStatus} onChange={setChanging} />
            ))}
          </tbody>
        </table>
      </div>
      {partners.hasNextPage && (
        <Button variant="secondary" type="button" pending={partners.isFetchingNextPage} pendingLabel="Loading more…" onClick={() => void partners.fetchNextPage()}>
          Load more
        </Button>
      )}
      {partners.isRefetchError && (
        <LoadError
          error={partners.error}
          what={partners.isFetchNextPageError ? 'more partners' : 'the latest partners'}
          onRetry={() => void (partners.isFetchNextPageError ? partners.fetchNextPage() : partners.refetch())}
        />
      )}
      {changing && (
        <PartnerStatusDialog
          change={changing}
          onCancel={() => setChanging(undefined)}
          onDone={(message) => {
            setChanging(undefined);
            onChanged(message);
          }}
        />
      )}
    </>
  );
}

function PartnerRow({ partner, canChangeStatus, onChange }: { partner: StaffPartner; canChangeStatus: boolean; onChange: (change: PendingChange) => void }) {
  const active = partner.status === 'active';
  return (
    <tr>
      <th scope="row">{active ? <Link to={`/partners/${partner.namespace}`}>{partner.name}</Link> : partner.name}</th>
      <td>
        <code>{partner.namespace}</code>
      </td>
      <td>{partner.ownerEmail ?? <span className="muted">—</span>}</td>
      <td>
        <PartnerStatusBadge partner={partner} />
      </td>
      <td>{partner.stripe.payable ? 'Yes' : 'No'}</td>
      <td>
        <When value={partner.createdAt} empty="—" />
      </td>
      {canChangeStatus && (
        <td className="table__actions">
          {active ? (
            <Button variant="secondary" size="small" type="button" onClick={() => onChange({ action: 'suspend', partner })} aria-label={`Suspend ${partner.name}`}>
              Suspend
            </Button>
          ) : (
            <Button variant="secondary" size="small" type="button" onClick={() => onChange({ action: 'reinstate', partner })} aria-label={`Reinstate ${partner.name}`}>
              Reinstate
            </Button>
          )}
        </td>
      )}
    </tr>
  );
}

/** Active or Suspended, with the reason staff gave for a suspension. */
function PartnerStatusBadge({ partner }: { partner: StaffPartner }) {
  const badge = <span className={`badge ${partner.status === 'active' ? 'badge--processed' : 'badge--failed'}`}>{STATUS_LABELS[partner.status]}</span>;
  if (partner.status === 'active' || !partner.suspendedReason) return badge;
  return (
    <>
      {badge}
      <p className="muted">{partner.suspendedReason}</p>
    </>
  );
}
