import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type StaffPartnerPage = Json<paths['/v1/staff/partners']['get']['responses'][200]>;
export type StaffPartner = StaffPartnerPage['items'][number];
export type PartnerStatus = StaffPartner['status'];

/** What the list is filtered by; `status` absent means every status. */
export interface StaffPartnerFilter {
  status?: PartnerStatus;
  q?: string;
}

const staffPartnersKey = ['staff', 'partners'] as const;

/** Newest first. */
export function useStaffPartners(filter: StaffPartnerFilter) {
  return useInfiniteQuery({
    queryKey: [...staffPartnersKey, 'list', filter],
    queryFn: async ({ pageParam }) => {
      const query = {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      return unwrap(await api.GET('/v1/staff/partners', { params: { query } }));
    },
    ...cursorPaging,
  });
}

export type StatusChange = { action: 'suspend'; id: string; reason: string } | { action: 'reinstate'; id: string; reason: string };

/** Suspends or reinstates a partner (admin only). */
export function useChangePartnerStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: StatusChange) => {
      const params = { path: { id: change.id } };
      if (change.action === 'suspend') return unwrap(await api.POST('/v1/staff/partners/{id}/suspend', { params, body: { reason: change.reason } }));
      return unwrap(await api.POST('/v1/staff/partners/{id}/reinstate', { params, body: change.reason ? { reason: change.reason } : {} }));
    },
    // Also after a 409 or 404: the list was out of date (another admin acted first), so show it as it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffPartnersKey }),
  });
}
