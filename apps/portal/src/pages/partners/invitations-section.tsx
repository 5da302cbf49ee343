import { useState, type FormEvent } from 'react';
import type { AssignablePartnerRole } from '@guild/contracts';
import { Alert, Button } from '../../components/feedback';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { ROLE_LABELS, useInvite, useRevokeInvitation, type PartnerInvitation, type PartnerMember } from './partner-api';

const FIELDS = ['email', 'role'] as const;
const ROLE_OPTIONS = [
  { value: 'developer', label: `${ROLE_LABELS.developer}: builds and publishes plugins` },
  { value: 'finance', label: `${ROLE_LABELS.finance}: manages payouts and statements` },
] as const;

/** Owners only: who was invited and has not joined yet, and a form to invite someone by email. */
export function InvitationsSection({ namespace, invitations, members }: { namespace: string; invitations: PartnerInvitation[]; members: PartnerMember[] }) {
  const memberName = (userId: string | null) => members.find((member) => member.userId === userId)?.displayName;
  const invite = useInvite(namespace);
  const revoke = useRevokeInvitation(namespace);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignablePartnerRole>('developer');
  const [sent, setSent] = useState<string>();
  const [revoking, setRevoking] = useState<PartnerInvitation>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(undefined);
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (created) => {
          setEmail('');
          setSent(created.email);
        },
      },
    );
  };
  const { fields } = splitFormError(invite.error, FIELDS);
  const close = () => {
    setRevoking(undefined);
    revoke.reset();
  };

  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="card__title">
        Invitations
      </h2>
      <form onSubmit={onSubmit} noValidate aria-label="Invite a team member" className="filters">
        <Field label="Email" type="email" name="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} errors={fields.email} />
        <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as AssignablePartnerRole)} options={ROLE_OPTIONS} errors={fields.role} />
        <div className="filters__actions">
          <Button type="submit" pending={invite.isPending} pendingLabel="Inviting…">
            Send invitation
          </Button>
        </div>
      </form>
      <FormAlert error={invite.error} formFields={FIELDS} />
      {sent && <Alert tone="success">Invitation sent to {sent}. The link in the email works for 7 days.</Alert>}
      {invitations.length === 0 ? (
        <div className="empty">
          <p>No open invitations.</p>
          <p className="muted">Invite developers and finance people above; they join when they accept the emailed link.</p>
        </div>
      ) : (
        <Table label="Open invitations" columns={['Email', 'Role', 'Invited', 'By', 'Expires']} actions>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row">{invitation.email}</th>
              <td>{ROLE_LABELS[invitation.role]}</td>
              <td>
                <When value={invitation.createdAt} empty="—" />
              </td>
              <td>{memberName(invitation.invitedBy) ?? <span className="muted">A former member</span>}</td>
              <td>
                <When value={invitation.expiresAt} empty="—" withTime />
              </td>
              <td className="table__actions">
                <Button variant="danger" size="small" type="button" onClick={() => setRevoking(invitation)} aria-label={`Revoke the invitation of ${invitation.email}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the invitation of ${revoking.email}?`}
          confirmLabel="Revoke invitation"
          pendingLabel="Revoking…"
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={close}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: close })}
        >
          <p>The emailed link stops working at once. You can invite them again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
