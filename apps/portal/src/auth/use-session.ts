import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { authStore } from './auth-store';

type Body<P extends keyof paths, M extends 'post'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type SignInInput = Body<'/v1/auth/sign-in', 'post'>;
export type SignUpInput = Body<'/v1/auth/sign-up', 'post'>;

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => unwrap(await api.POST('/v1/auth/sign-in', { body: input })),
    onSuccess: (result) => {
      queryClient.clear();
      authStore.signedIn(result.user, result.accessToken);
    },
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignUpInput) => unwrap(await api.POST('/v1/auth/sign-up', { body: input })),
    onSuccess: (result) => {
      queryClient.clear();
      authStore.signedIn(result.user, result.accessToken);
    },
  });
}

/** Signs out and goes home. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      // Signing out locally must not depend on the network: forget the session whatever the API says.
      try {
        await api.POST('/v1/auth/sign-out');
      } catch {
        // The cookie may survive until it expires; nothing more the browser can do about an httpOnly cookie.
      }
    },
    onSettled: () => {
      authStore.signedOut(true);
      void navigate('/');
      queryClient.clear();
    },
  });
}
