import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type NotificationPage = Json<paths['/v1/me/notifications']['get']['responses'][200]>;
export type GuildNotification = NotificationPage['items'][number];

const notificationsKey = ['me', 'notifications'] as const;

/** The bell's count: polled, and asked again when the tab comes back into view. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: async () => unwrap(await api.GET('/v1/me/notifications/unread-count')).count,
    staleTime: 15_000,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list', { unreadOnly }],
    queryFn: async ({ pageParam }) => {
      const query = { ...(unreadOnly ? { unread: 'true' as const } : {}), ...(pageParam ? { cursor: pageParam } : {}) };
      return unwrap(await api.GET('/v1/me/notifications', { params: { query } }));
    },
    ...cursorPaging,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/me/notifications/read-all')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
