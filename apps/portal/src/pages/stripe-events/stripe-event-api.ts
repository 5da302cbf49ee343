import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type StripeEventPage = Json<paths['/v1/staff/stripe/events']['get']['responses'][200]>;
export type StripeEventSummary = StripeEventPage['items'][number];
export type StripeEventStatus = StripeEventSummary['status'];

/** What the list is filtered by; `status` absent means every status. */
export interface StripeEventFilter {
  status?: StripeEventStatus;
  type?: string;
}

const stripeEventsKey = ['staff', 'stripe-events'] as const;

export function useStripeEvents(filter: StripeEventFilter) {
  return useInfiniteQuery({
    queryKey: [...stripeEventsKey, 'list', filter],
    queryFn: async ({ pageParam }) => {
      const query = {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.type ? { type: filter.type } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      return unwrap(await api.GET('/v1/staff/stripe/events', { params: { query } }));
    },
    ...cursorPaging,
  });
}

/** One event with the payload Stripe sent; fetched when a row's details are opened. */
export function useStripeEvent(id: string) {
  return useQuery({
    queryKey: [...stripeEventsKey, 'detail', id],
    queryFn: async () => unwrap(await api.GET('/v1/staff/stripe/events/{id}', { params: { path: { id } } })),
  });
}

export function useReplayStripeEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/v1/staff/stripe/events/{id}/replay', { params: { path: { id } } })),
    // Also after a 404 or 409: the list was out of date (someone else replayed it, or it got processed meanwhile).
    onSettled: () => queryClient.invalidateQueries({ queryKey: stripeEventsKey }),
  });
}
