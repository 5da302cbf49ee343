import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type ReportQueuePage = Json<paths['/v1/staff/community/reports']['get']['responses'][200]>;
export type ReportQueueItem = ReportQueuePage['items'][number];
export type ReportStatus = NonNullable<NonNullable<paths['/v1/staff/community/reports']['get']['parameters']['query']>['status']>;
export type ResolveReports = Json<paths['/v1/staff/community/reports/resolve']['post']['requestBody']>;

const key = ['staff', 'community-reports'] as const;

export function useReportQueue(status: ReportStatus) {
  return useInfiniteQuery({
    queryKey: [...key, status],
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/v1/staff/community/reports', { params: { query: { status, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    ...cursorPaging,
  });
}

/** Hide or dismiss: resolves every open report on the content; the queue and the community pages refresh. */
export function useResolveReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ResolveReports) => unwrap(await api.POST('/v1/staff/community/reports/resolve', { body: input })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['community'] });
    },
  });
}
