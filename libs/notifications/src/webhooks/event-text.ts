import type { EventType, OutboxEventEntity } from '@onedoor/platform';

/**
 * The Chinese title of each event type, for robot messages and e-mail subjects. A minimal
 * table of our own: the inbox's templates live with the dispatcher (notify-core) and may
 * replace this at merge.
 */
const TITLES: Record<EventType, string> = {
  'referral.created': '新的转介',
  'referral.accept_due_soon': '转介即将超过接收时限',
  'referral.deliver_due_soon': '转介即将超过服务时限',
  'referral.overdue': '转介已超时',
  'referral.escalated': '转介已上报',
  'proposal.approval_overdue': '匹配建议待审批已超时',
  'proposal.escalated': '匹配建议审批已上报',
  'resource.submitted': '资源待审核',
  'resource.published': '资源已发布',
  'resource.rejected': '资源未通过审核',
  'resource.review_overdue': '资源审核已超时',
  'provider_application.received': '收到机构入驻申请',
  'provider_application.overdue': '机构入驻申请审核已超时',
  'tender.published': '新的招标公告',
  'award.made': '中标通知',
  'award.declined': '中标人放弃中标',
  'contract.signed': '合同已签订',
  'evaluation.assigned': '绩效评价任务',
  'evaluation.comment_open': '绩效评价意见征询',
  'household.revisit_due': '家庭回访到期',
  'household.grace_ending': '家庭渐退期即将结束',
  'webhook.disabled': 'Webhook 订阅已停用',
};

export function eventTitle(type: string): string {
  return TITLES[type as EventType] ?? type;
}

/** Lines for the message body: the event's own data, named as sent (no personal data is in `data`). */
export function eventLines(event: Pick<OutboxEventEntity, 'data' | 'createdAt'>): string[] {
  const lines = Object.entries(event.data ?? {})
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}：${String(v)}`);
  lines.push(`时间：${new Date(event.createdAt).toISOString()}`);
  return lines;
}
