import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type Notice, noticeKeys, noticeLink, useNotices } from './api';

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

function NoticeItem({ notice, onOpen }: { notice: Notice; onOpen: (n: Notice) => void }) {
  const label = useLabel();
  return (
    <List.Item
      style={{ cursor: 'pointer', opacity: notice.readAt ? 0.65 : 1 }}
      onClick={() => onOpen(notice)}
      data-testid="notification-item"
    >
      <List.Item.Meta
        title={
          <Space>
            {!notice.readAt && <Badge status="processing" />}
            <span>{notice.title}</span>
          </Space>
        }
        description={
          <>
            <div>{notice.body}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(notice.createdAt)} · {label('eventType', notice.type)}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/** The latest notices (bell popover, home page); opening one marks it read and follows its link. */
export function RecentNotifications({ limit }: { limit: number }) {
  const { t } = useTranslation('notifications');
  const notices = useNotices(1, limit);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const open = (notice: Notice) => {
    if (!notice.readAt) markRead.mutate(notice.id);
    const link = noticeLink(notice);
    if (link) navigate(link);
  };
  return (
    <QueryState isLoading={notices.isLoading} error={notices.error}>
      <List
        size="small"
        locale={{ emptyText: t('empty') }}
        dataSource={notices.data?.items ?? []}
        renderItem={(n) => <NoticeItem notice={n} onOpen={open} />}
      />
    </QueryState>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation(['notifications', 'common']);
  const [page, setPage] = useState(1);
  const notices = useNotices(page, 20);
  const markRead = useMarkRead();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const readAll = useMutation({
    mutationFn: () => call(api.POST('/api/notifications/read-all')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
  const open = (notice: Notice) => {
    if (!notice.readAt) markRead.mutate(notice.id);
    const link = noticeLink(notice);
    if (link) navigate(link);
  };
  return (
    <PageContainer
      title={t('title')}
      extra={
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('markAllRead')}
        </Button>
      }
    >
      <QueryState isLoading={notices.isLoading} error={notices.error}>
        <List
          bordered
          style={{ background: '#fff' }}
          locale={{ emptyText: t('empty') }}
          dataSource={notices.data?.items ?? []}
          renderItem={(n) => <NoticeItem notice={n} onOpen={open} />}
          pagination={{
            current: page,
            pageSize: 20,
            total: notices.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common:pagination.total', { total }),
          }}
        />
      </QueryState>
    </PageContainer>
  );
}
