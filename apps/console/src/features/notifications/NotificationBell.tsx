import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNotificationStream, useUnreadCount } from './api';
import { RecentNotifications } from './NotificationsPage';

/** The bell: unread count kept live by the stream, the latest notices in a popover. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { notification } = App.useApp();
  const unread = useUnreadCount();
  useNotificationStream((notice) =>
    notification.info({
      message: t('newNotice', { title: notice.title }),
      description: notice.body,
      placement: 'topRight',
      duration: 6,
    }),
  );
  const count = unread.data?.unread ?? 0;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('title')}
      content={
        <div style={{ width: 'min(360px, 85vw)' }}>
          <RecentNotifications limit={6} />
          <Link to="/notifications">{t('viewAll')}</Link>
        </div>
      }
    >
      <Badge count={count} size="small" data-testid="notification-count">
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={t('bell')} />
      </Badge>
    </Popover>
  );
}
