import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type CreateTokenInput = Json<paths['/v1/me/tokens']['post']['requestBody']>;
export type CreatedToken = Json<paths['/v1/me/tokens']['post']['responses'][201]>;
export type TokenPage = Json<paths['/v1/me/tokens']['get']['responses'][200]>;
export type TokenSummary = TokenPage['items'][number];

const tokensKey = ['me', 'tokens'] as const;

export function useTokens() {
  return useInfiniteQuery({
    queryKey: tokensKey,
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/v1/me/tokens', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    ...cursorPaging,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateTokenInput) => unwrap(await api.POST('/v1/me/tokens', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
