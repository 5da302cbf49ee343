import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { DecisionInput } from '../../components/decision-form';
import { listingKey, type ListingRef } from '../plugins/plugin-api';

export type ReviewQueuePage = Json<paths['/v1/staff/plugin-reviews']['get']['responses'][200]>;
export type ReviewQueueItem = ReviewQueuePage['items'][number];
export type ReviewDetail = Json<paths['/v1/staff/plugin-reviews/{id}']['get']['responses'][200]>;
export type ReviewStats = Json<paths['/v1/staff/plugin-reviews/stats']['get']['responses'][200]>;
export type ListingCopy = NonNullable<ReviewDetail['proposed']>;
export type QueueStatus = NonNullable<NonNullable<paths['/v1/staff/plugin-reviews']['get']['parameters']['query']>['status']>;

export interface ReviewQueueFilter {
  status: QueueStatus;
  q?: string;
}

const desksKey = ['staff', 'plugin-reviews'] as const;
const reviewKey = (id: string) => [...desksKey, 'item', id] as const;

/** The queue, oldest first, with each item's time in the queue. */
export function useReviewQueue(filter: ReviewQueueFilter) {
  return useInfiniteQuery({
    queryKey: [...desksKey, 'queue', filter],
    queryFn: async ({ pageParam }) => {
      const query = { status: filter.status, ...(filter.q ? { q: filter.q } : {}), ...(pageParam ? { cursor: pageParam } : {}) };
      return unwrap(await api.GET('/v1/staff/plugin-reviews', { params: { query } }));
    },
    ...cursorPaging,
  });
}

/** Time to decision over the last `days` days: median and 90th percentile. */
export function useReviewStats(days = 30) {
  return useQuery({
    queryKey: [...desksKey, 'stats', days],
    queryFn: async () => unwrap(await api.GET('/v1/staff/plugin-reviews/stats', { params: { query: { days } } })),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKey(id),
    queryFn: async () => unwrap(await api.GET('/v1/staff/plugin-reviews/{id}', { params: { path: { id } } })),
  });
}

/** Every step refreshes the item and the queue, also after a 409 (someone else claimed or decided first). */
function useDeskMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: desksKey });
      // The partner's pages, if this browser shows them too (a reviewer who is also a partner's member).
      await queryClient.invalidateQueries({ queryKey: ['plugins'] });
    },
  });
}

export function useClaim(id: string) {
  return useDeskMutation(async (action: 'claim' | 'release') => {
    const params = { path: { id } };
    return action === 'claim'
      ? unwrap(await api.POST('/v1/staff/plugin-reviews/{id}/claim', { params }))
      : unwrap(await api.POST('/v1/staff/plugin-reviews/{id}/release', { params }));
  });
}

export function useDecideReview(id: string) {
  return useDeskMutation(async ({ decision, message }: DecisionInput) => {
    const params = { path: { id } };
    if (decision === 'approve') return unwrap(await api.POST('/v1/staff/plugin-reviews/{id}/approve', { params, body: message ? { message } : {} }));
    if (decision === 'reject') return unwrap(await api.POST('/v1/staff/plugin-reviews/{id}/reject', { params, body: { message } }));
    return unwrap(await api.POST('/v1/staff/plugin-reviews/{id}/request-changes', { params, body: { message } }));
  });
}

/** A media reference's URL (reviewers see the proposed images before they are public). */
export const mediaUrl = (sha256: string) => `/v1/plugin-media/${sha256}`;

/** Staff yank (for security, with a reason the partner cannot undo) and its undoing. */
export function useStaffYank(ref: ListingRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, reason }: { version: string; reason?: string }) => {
      const params = { path: { ...ref, version } };
      return reason === undefined
        ? unwrap(await api.POST('/v1/staff/plugins/{namespace}/{plugin}/versions/{version}/unyank', { params }))
        : unwrap(await api.POST('/v1/staff/plugins/{namespace}/{plugin}/versions/{version}/yank', { params, body: { reason } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listingKey(ref) }),
  });
}
