import type { ReactNode } from 'react';
import type { StaffRole } from '@guild/contracts';
import { Alert } from '../components/feedback';
import { useAuth } from './auth-store';
import { hasAnyRole } from './roles';

/** A staff page (inside RequireAuth): its content for the given roles, otherwise which roles it needs. */
export function RequireRole({ roles, title, children }: { roles: readonly StaffRole[]; title: string; children: ReactNode }) {
  const auth = useAuth();
  if (hasAnyRole(auth, roles)) return children;
  const names = roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}` : roles[0];
  return (
    <section className="card">
      <h1>{title}</h1>
      <Alert tone="info">You need the {names} role to see this page.</Alert>
    </section>
  );
}
