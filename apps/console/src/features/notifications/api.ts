import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';
import { tokenStore } from '@/lib/token';

export type Notice = components['schemas']['NotificationDto'];

export const noticeKeys = {
  all: ['notifications'] as const,
  page: (page: number, limit: number) => ['notifications', 'page', page, limit] as const,
  unread: ['notifications', 'unread'] as const,
};

export function useNotices(page: number, limit: number) {
  return useQuery({
    queryKey: noticeKeys.page(page, limit),
    queryFn: () => call(api.GET('/api/notifications', { params: { query: { page, limit } } })),
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: noticeKeys.unread,
    queryFn: () => call(api.GET('/api/notifications/unread-count')),
  });
}

export { noticeLink } from './notice-link';

/**
 * Live notifications over Server-Sent Events (GET /api/notifications/stream). EventSource cannot
 * send headers, so the access token goes as `access_token`. EventSource's own reconnects send
 * Last-Event-ID, and the API replays what was missed; when the token is renewed the stream is
 * opened again with it, and the lists are refetched to catch up with that gap.
 */
export function useNotificationStream(onNotice: (notice: Notice) => void) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    const open = (token: string | null) => {
      source?.close();
      source = null;
      if (!token) return;
      const url = new URL('/api/notifications/stream', window.location.origin);
      url.searchParams.set('access_token', token);
      source = new EventSource(url);
      source.onopen = () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
      source.onmessage = (event) => {
        const notice = JSON.parse(event.data as string) as Notice;
        void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
        void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
        onNotice(notice);
      };
    };
    open(tokenStore.get());
    const unsubscribe = tokenStore.subscribe(open);
    return () => {
      unsubscribe();
      source?.close();
    };
    // onNotice is a notification toast: a new one each render is fine, the stream stays open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient]);
}
