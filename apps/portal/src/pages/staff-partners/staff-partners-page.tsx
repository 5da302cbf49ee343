import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../auth/auth-store';
import { RequireRole } from '../../auth/require-role';
import { hasAnyRole, PARTNER_STAFF_ROLES, PARTNER_SUSPENSION_ROLES } from '../../auth/roles';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { FilterForm } from '../../components/filter-form';
import { LoadMore } from '../../components/load-more';
import { Table } from '../../components/table';
import { useUrlFilter, type ListFilter } from '../../components/use-url-filter';
import { When } from '../../components/when';
import { PartnerStatusDialog, type PendingChange } from './partner-status-dialog';
import { useStaffPartners, type PartnerStatus, type StaffPartner, type StaffPartnerFilter } from './staff-partner-api';

const STATUS_LABELS: Record<PartnerStatus, string> = { active: 'Active', suspended: 'Suspended' };
const STATUS_CHOICES = ['all', 'active', 'suspended'] as const;
type StatusChoice = (typeof STATUS_CHOICES)[number];
const choiceLabel = (choice: StatusChoice) => (choice === 'all' ? 'All' : STATUS_LABELS[choice]);
const SEARCH = { label: 'Search', name: 'q', hint: "Name or namespace (the owner's email works too).", clearLabel: 'Clear search' };

export function StaffPartnersPage() {
  return (
    <RequireRole roles={PARTNER_STAFF_ROLES} title="Partners">
      <Partners />
    </RequireRole>
  );
}

function Partners() {
  const canChangeStatus = hasAnyRole(useAuth(), PARTNER_SUSPENSION_ROLES);
  const [filter, setFilter] = useUrlFilter({ statuses: STATUS_CHOICES, defaultStatus: 'all', textParam: 'q' });
  const [done, setDone] = useState<string>();

  const apply = (next: ListFilter<StatusChoice>) => {
    setDone(undefined);
    setFilter(next);
  };

  return (
    <section className="card">
      <h1>Partners</h1>
      <p className="muted">
        Every partner, newest first.{' '}
        {canChangeStatus ? 'Suspending one hides its public profile and closes Stripe onboarding until it is reinstated; the owner is notified either way.' : 'Admins can suspend and reinstate partners.'}
      </p>
      <FilterForm label="Filter partners" filter={filter} onChange={apply} statuses={STATUS_CHOICES} statusLabel={choiceLabel} text={SEARCH} />
      {done && <Alert tone="success">{done}</Alert>}
      <PartnerList
        key={`${filter.status} ${filter.text}`}
        filter={{ ...(filter.status !== 'all' ? { status: filter.status } : {}), ...(filter.text ? { q: filter.text } : {}) }}
        canChangeStatus={canChangeStatus}
        onChanged={setDone}
      />
    </section>
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
      <Table label="Partners" columns={['Name', 'Namespace', 'Owner', 'Status', 'Payouts ready', 'Partner since']} actions={canChangeStatus}>
        {items.map((partner) => (
          <PartnerRow key={partner.id} partner={partner} canChangeStatus={canChangeStatus} onChange={setChanging} />
        ))}
      </Table>
      <LoadMore query={partners} what="partners" />
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
