import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ASSIGNABLE_PARTNER_ROLES, type AssignablePartnerRole } from '@guild/contracts';
import { useAuth } from '../../auth/auth-store';
import { Alert, Button, ErrorAlert } from '../../components/feedback';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { ROLE_LABELS, useChangeMemberRole, useRemoveMember, useTransferOwnership, type PartnerMember, type PartnerRole } from './partner-api';

type Pending = { kind: 'remove' | 'leave' | 'transfer'; member: PartnerMember };

export function TeamSection({ namespace, role, members }: { namespace: string; role: PartnerRole; members: PartnerMember[] }) {
  const auth = useAuth();
  const me = auth.status === 'signed-in' ? auth.user.id : undefined;
  const navigate = useNavigate();
  const changeRole = useChangeMemberRole(namespace);
  const remove = useRemoveMember(namespace);
  const transfer = useTransferOwnership(namespace);
  const [asking, setAsking] = useState<Pending>();
  const [done, setDone] = useState<string>();
  const isOwner = role === 'owner';

  const close = () => {
    setAsking(undefined);
    remove.reset();
    transfer.reset();
  };
  const confirm = () => {
    if (!asking) return;
    const { kind, member } = asking;
    if (kind === 'transfer') {
      transfer.mutate(member.userId, {
        onSuccess: () => {
          close();
          setDone(`${member.displayName} is now the owner; you are a developer.`);
        },
      });
    } else {
      remove.mutate(member.userId, {
        onSuccess: () => {
          close();
          if (kind === 'leave') void navigate('/partner-program');
          else setDone(`${member.displayName} was removed from the team.`);
        },
      });
    }
  };

  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title" className="card__title">
        Team
      </h2>
      {done && <Alert tone="success">{done}</Alert>}
      <ErrorAlert error={changeRole.error} />
      {members.length === 0 ? (
        <div className="empty">
          <p>No members.</p>
        </div>
      ) : (
        <Table label="Team members" columns={['Name', 'Email', 'Role', 'Joined']} actions>
          {members.map((member) => {
            const self = member.userId === me;
            const manageable = isOwner && member.role !== 'owner';
            return (
              <tr key={member.userId}>
                <th scope="row">
                  {member.displayName}
                  {self && <span className="muted"> (you)</span>}
                </th>
                <td>{member.email}</td>
                <td>
                  {manageable ? (
                    <select
                      className="inline-select"
                      aria-label={`Role of ${member.displayName}`}
                      value={changeRole.isPending && changeRole.variables.userId === member.userId ? changeRole.variables.role : member.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => {
                        setDone(undefined);
                        changeRole.mutate({ userId: member.userId, role: e.target.value as AssignablePartnerRole });
                      }}
                    >
                      {ASSIGNABLE_PARTNER_ROLES.map((value) => (
                        <option key={value} value={value}>
                          {ROLE_LABELS[value]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </td>
                <td>
                  <When value={member.joinedAt} empty="—" />
                </td>
                <td className="table__actions">
                  <span className="actions actions--row">
                    {manageable && (
                      <>
                        <Button variant="secondary" size="small" type="button" onClick={() => setAsking({ kind: 'transfer', member })} aria-label={`Transfer ownership to ${member.displayName}`}>
                          Transfer ownership
                        </Button>
                        <Button variant="danger" size="small" type="button" onClick={() => setAsking({ kind: 'remove', member })} aria-label={`Remove ${member.displayName}`}>
                          Remove
                        </Button>
                      </>
                    )}
                    {self && member.role !== 'owner' && (
                      <Button variant="danger" size="small" type="button" onClick={() => setAsking({ kind: 'leave', member })}>
                        Leave
                      </Button>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      {isOwner && <p className="muted">As the owner you cannot leave; transfer ownership to another member first.</p>}
      {asking && (
        <ConfirmDialog
          title={asking.kind === 'transfer' ? `Make ${asking.member.displayName} the owner?` : asking.kind === 'leave' ? 'Leave this partner?' : `Remove ${asking.member.displayName}?`}
          confirmLabel={asking.kind === 'transfer' ? 'Transfer ownership' : asking.kind === 'leave' ? 'Leave partner' : 'Remove member'}
          pendingLabel={asking.kind === 'transfer' ? 'Transferring…' : 'Removing…'}
          pending={remove.isPending || transfer.isPending}
          error={remove.error ?? transfer.error}
          onCancel={close}
          onConfirm={confirm}
        >
          {asking.kind === 'transfer' ? (
            <p>There is exactly one owner. {asking.member.displayName} becomes it, and you become a developer: you can no longer manage the team or the organisation.</p>
          ) : asking.kind === 'leave' ? (
            <p>You lose access to this partner&rsquo;s dashboard. An owner can invite you again.</p>
          ) : (
            <p>{asking.member.displayName} loses access to this partner&rsquo;s dashboard at once. You can invite them again later.</p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
