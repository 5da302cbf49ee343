import { useSyncExternalStore } from 'react';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
}

export type AuthState =
  | { status: 'restoring'; user?: undefined; accessToken?: undefined }
  | { status: 'signed-out'; user?: undefined; accessToken?: undefined; byUser: boolean }
  | { status: 'signed-in'; user: SessionUser; accessToken: string };

type Listener = () => void;

/**
 * The session, in memory only: the access token never touches localStorage, so a script injected
 * into the page cannot lift it from storage. A reload restores it from the httpOnly refresh cookie.
 */
class AuthStore {
  private state: AuthState = { status: 'restoring' };
  private readonly listeners = new Set<Listener>();

  getSnapshot = (): AuthState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  signedIn(user: SessionUser, accessToken: string): void {
    this.set({ status: 'signed-in', user, accessToken });
  }

  /** `byUser`: they pressed "Sign out" (rather than the session expiring), so do not ask them to sign in again. */
  signedOut(byUser = false): void {
    this.set({ status: 'signed-out', byUser });
  }

  private set(state: AuthState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const authStore = new AuthStore();

export function useAuth(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.getSnapshot);
}
