import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { DecisionInput } from '../../components/decision-form';

export type QueuePage = Json<paths['/v1/staff/partner-applications']['get']['responses'][200]>;
export type QueueItem = QueuePage['items'][number];
export type ReviewedApplication = Json<paths['/v1/partner-applications/{id}']['get']['responses'][200]>;

export interface QueueFilter {
  status: QueueItem['status'];
  q?: string;
}

const queueKey = ['staff', 'partner-applications'] as const;
const applicationKey = (id: string) => ['partner-applications', id] as const;

/** The queue, oldest first: the application waiting longest is on top. */
export function useApplicationQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: [...queueKey, 'list', filter],
    queryFn: async ({ pageParam }) => {
      const query = { status: filter.status, ...(filter.q ? { q: filter.q } : {}), ...(pageParam ? { cursor: pageParam } : {}) };
      return unwrap(await api.GET('/v1/staff/partner-applications', { params: { query } }));
    },
    ...cursorPaging,
  });
}

export function useReviewedApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: async () => unwrap(await api.GET('/v1/partner-applications/{id}', { params: { path: { id } } })),
  });
}

export function useDecide(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ decision, message }: DecisionInput) => {
      const params = { path: { id } };
      if (decision === 'approve') return unwrap(await api.POST('/v1/staff/partner-applications/{id}/approve', { params, body: message ? { message } : {} }));
      if (decision === 'reject') return unwrap(await api.POST('/v1/staff/partner-applications/{id}/reject', { params, body: { message } }));
      return unwrap(await api.POST('/v1/staff/partner-applications/{id}/request-changes', { params, body: { message } }));
    },
    // Also after a 409: another reviewer decided first, so show the application as it is now.
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: applicationKey(id) }), queryClient.invalidateQueries({ queryKey: queueKey })]);
    },
  });
}
