import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type AdvocateList = Json<paths['/v1/staff/community/advocates']['get']['responses'][200]>;
export type Advocate = AdvocateList['items'][number];
export type AdvocateInvitation = Json<paths['/v1/staff/community/advocates/{userId}/invite']['post']['responses'][201]>;

const advocatesKey = ['staff', 'advocates'] as const;

/** Members who belong to no partner, most points in the last `days` first. */
export function useAdvocates(days: number) {
  return useQuery({
    queryKey: [...advocatesKey, days],
    queryFn: async () => unwrap(await api.GET('/v1/staff/community/advocates', { params: { query: { days } } })),
  });
}

export function useInviteAdvocate(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (message: string) =>
      unwrap(await api.POST('/v1/staff/community/advocates/{userId}/invite', { params: { path: { userId } }, body: message ? { message } : {} })),
    // Also after a 409 (someone else invited them meanwhile): show who did.
    onSettled: () => queryClient.invalidateQueries({ queryKey: advocatesKey }),
  });
}

/** The invitation to the partner program a staff member sent the signed-in member, if any. */
export function useMyInvitation(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'advocate-invitation'],
    enabled,
    queryFn: async () => unwrap(await api.GET('/v1/community/me/invitation')).invitation,
  });
}

/** A member's community record as it stands now (staff); 404 for a member Guild does not know. */
export function useMemberRecord(userId: string) {
  return useQuery({
    queryKey: ['staff', 'community', 'members', userId, 'record'],
    queryFn: async () => unwrap(await api.GET('/v1/staff/community/members/{id}/record', { params: { path: { id: userId } } })),
  });
}
