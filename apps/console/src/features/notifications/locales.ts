import { namespace } from '@/locales/types';

export default namespace(
  {
    title: '消息中心',
    bell: '消息',
    unread: '未读',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    viewAll: '查看全部消息',
    empty: '暂无消息',
    live: '实时',
    newNotice: '新消息：{{title}}',
    type: '类型',
    time: '时间',
    content: '内容',
  },
  {
    title: 'Notifications',
    bell: 'Notifications',
    unread: 'Unread',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    viewAll: 'All notifications',
    empty: 'No notifications',
    live: 'Live',
    newNotice: 'New: {{title}}',
    type: 'Type',
    time: 'Time',
    content: 'Message',
  },
);
