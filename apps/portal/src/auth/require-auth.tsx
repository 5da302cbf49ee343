import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/feedback';
import { useAuth } from './auth-store';

/** Protected pages: wait for the silent session restore, then send strangers to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'restoring') return <Loading label="Restoring your session…" />;
  if (auth.status === 'signed-out') {
    if (auth.byUser) return <Navigate to="/" replace />;
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Where to go after signing in: the `next` parameter if it is a path on this site, else the profile. */
export function safeNext(next: string | null, fallback = '/profile'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
