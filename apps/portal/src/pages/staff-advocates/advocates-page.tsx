import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../auth/require-role';
import { ADVOCATE_ROLES } from '../../auth/roles';
import { Badge } from '../../components/badge';
import { Alert, Button, LoadError, Loading } from '../../components/feedback';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { Table } from '../../components/table';
import { TextAreaField } from '../../components/text-area-field';
import { When } from '../../components/when';
import { BadgeList } from '../community/badge-list';
import { Choices } from '../community/community-nav';
import { useAdvocates, useInviteAdvocate, type Advocate } from './advocates-api';

const WINDOWS = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 12 months' },
] as const;

export function AdvocatesPage() {
  return (
    <RequireRole roles={ADVOCATE_ROLES} title="Community advocates">
      <Advocates />
    </RequireRole>
  );
}

function Advocates() {
  const [params, setParams] = useSearchParams();
  const days = WINDOWS.find((w) => w.value === params.get('days'))?.value ?? '90';
  return (
    <section className="card">
      <h1>Community advocates</h1>
      <p className="muted">
        Members who belong to no partner yet, the most points in the window first. Invite the ones who help most to apply to the partner program: they are told, with a link to the
        application.
      </p>
      <Choices label="Window" choices={WINDOWS} value={days} onChange={(next) => setParams(next === '90' ? {} : { days: next })} />
      <AdvocateTable key={days} days={Number(days)} />
    </section>
  );
}

function AdvocateTable({ days }: { days: number }) {
  const advocates = useAdvocates(days);
  if (advocates.isPending) return <Loading label="Loading advocates…" />;
  if (advocates.isError) return <LoadError error={advocates.error} what="the advocates" onRetry={() => void advocates.refetch()} />;
  const items = advocates.data.items;
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>No member outside a partner has earned points in this window.</p>
      </div>
    );
  }
  return (
    <Table label="Advocates" columns={['Member', 'Points', 'All time', 'Accepted answers', 'Helpful votes', 'Ideas planned', 'Ideas shipped', 'Badges', 'Joined', 'Invitation']}>
      {items.map((advocate) => (
        <tr key={advocate.member.id}>
          <th scope="row">
            <Link to={`/community/members/${advocate.member.id}`}>{advocate.member.displayName}</Link>
          </th>
          <td>{advocate.points}</td>
          <td>{advocate.allTimePoints}</td>
          <td>{advocate.acceptedAnswers}</td>
          <td>{advocate.helpfulVotes}</td>
          <td>{advocate.ideasPlanned}</td>
          <td>{advocate.ideasShipped}</td>
          <td>
            <BadgeList codes={advocate.badges} />
          </td>
          <td>
            <When value={advocate.joinedAt} empty="—" />
          </td>
          <td>
            <InviteCell advocate={advocate} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

const FIELDS = ['message'] as const;

/** "Invited" once invited; otherwise one click, with an optional message, to invite. */
function InviteCell({ advocate }: { advocate: Advocate }) {
  const invite = useInviteAdvocate(advocate.member.id);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  if (advocate.invitation) {
    return (
      <span>
        <Badge tone="processed">Invited</Badge>
        <br />
        <span className="muted">
          <When value={advocate.invitation.at} empty="—" />
          {advocate.invitation.by && <> by {advocate.invitation.by.displayName}</>}
        </span>
      </span>
    );
  }
  const name = advocate.member.displayName;
  if (!open) {
    return (
      <Button type="button" size="small" onClick={() => setOpen(true)} aria-label={`Invite ${name} to apply`}>
        Invite to apply
      </Button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(message.trim());
  };
  const { fields } = splitFormError(invite.error, FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Invite ${name}`} className="stack">
      {invite.isSuccess && <Alert tone="success">Invited.</Alert>}
      <FormAlert error={invite.error} formFields={FIELDS} />
      <TextAreaField label="Message (optional)" name="message" rows={2} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} errors={fields.message} />
      <FormActions submit="Send invitation" pendingLabel="Inviting…" pending={invite.isPending} size="small" onCancel={() => setOpen(false)} />
    </form>
  );
}
