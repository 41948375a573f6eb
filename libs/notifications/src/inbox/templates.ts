import type { DictionaryGroups, EventType, LabelLocale } from '@onedoor/platform';
import { noticeValue } from './notice-values';

/** How one event type reads: title and body, in Chinese (what is stored) and in English. */
export interface NoticeTemplate {
  zh: { title: string; body: string };
  en: { title: string; body: string };
}

/**
 * Every event type's notice. `{key}` takes the event's `data[key]`; emitters put what a reader
 * needs there (`subject`: what the event is about, by name; `dueAt`, `area`, `reason`), and a
 * missing key reads as "—", so a notice is never lost to a template. Chinese is stored (the
 * console's language); English stays beside it for the localization issue and for reviewers.
 */
export const NOTICE_TEMPLATES: Record<EventType, NoticeTemplate> = {
  'referral.created': {
    zh: {
      title: '新的转介',
      body: '您的机构收到一条新的转介：{subject}（{category}，{urgency}），请在 {dueAt} 前接受。',
    },
    en: {
      title: 'New referral',
      body: 'Your organization received a referral: {subject} ({category}, {urgency}); accept it by {dueAt}.',
    },
  },
  'referral.accept_due_soon': {
    zh: { title: '转介即将超时未接受', body: '转介 {subject} 需在 {dueAt} 前接受。' },
    en: {
      title: 'Referral to accept soon',
      body: 'Referral {subject} must be accepted by {dueAt}.',
    },
  },
  'referral.deliver_due_soon': {
    zh: { title: '转介即将超时未交付', body: '转介 {subject} 需在 {dueAt} 前完成服务交付。' },
    en: {
      title: 'Referral to deliver soon',
      body: 'Referral {subject} must be delivered by {dueAt}.',
    },
  },
  'referral.overdue': {
    zh: { title: '转介已超时', body: '转介 {subject} 已超过期限（{dueAt}）。' },
    en: { title: 'Referral overdue', body: 'Referral {subject} is past its deadline ({dueAt}).' },
  },
  'referral.escalated': {
    zh: { title: '转介已上报', body: '转介 {subject} 超时未处理，已上报至 {area}。' },
    en: {
      title: 'Referral escalated',
      body: 'Referral {subject} was not handled in time and is escalated to {area}.',
    },
  },
  'proposal.approval_overdue': {
    zh: { title: '匹配建议待审批已超时', body: '{subject} 的匹配建议已超过审批期限（{dueAt}）。' },
    en: {
      title: 'Proposal approval overdue',
      body: 'The proposal for {subject} is past its approval deadline ({dueAt}).',
    },
  },
  'proposal.escalated': {
    zh: { title: '匹配建议已上报', body: '{subject} 的匹配建议超时未审批，已上报至 {area}。' },
    en: {
      title: 'Proposal escalated',
      body: 'The proposal for {subject} was not approved in time and is escalated to {area}.',
    },
  },
  'resource.submitted': {
    zh: { title: '资源待审核', body: '资源 {subject} 已提交审核。' },
    en: { title: 'Resource to review', body: 'Resource {subject} was submitted for review.' },
  },
  'resource.published': {
    zh: { title: '资源已发布', body: '您的资源 {subject} 已审核通过并发布。' },
    en: {
      title: 'Resource published',
      body: 'Your resource {subject} was approved and published.',
    },
  },
  'resource.rejected': {
    zh: { title: '资源被退回', body: '您的资源 {subject} 未通过审核：{reason}' },
    en: { title: 'Resource rejected', body: 'Your resource {subject} was rejected: {reason}' },
  },
  'resource.review_overdue': {
    zh: { title: '资源审核已超时', body: '资源 {subject} 的审核已超过期限（{dueAt}）。' },
    en: {
      title: 'Resource review overdue',
      body: 'The review of resource {subject} is past its deadline ({dueAt}).',
    },
  },
  'provider_application.received': {
    zh: { title: '新的机构入驻申请', body: '{subject} 提交了入驻申请，请审核。' },
    en: {
      title: 'New organization application',
      body: '{subject} applied to join; please review.',
    },
  },
  // relief: leads
  'lead.reported': {
    zh: {
      title: '新的困难家庭线索',
      body: '{area}有人报告困难家庭 {subject}（线索 {reference}），请在 {dueAt} 前研判。',
    },
    en: {
      title: 'New lead',
      body: 'A family in difficulty was reported in {area}: {subject} (lead {reference}); triage it by {dueAt}.',
    },
  },
  'lead.overdue': {
    zh: {
      title: '困难家庭线索研判已超时',
      body: '{area}的线索 {reference}（{subject}）已超过研判期限（{dueAt}），已上报街道。',
    },
    en: {
      title: 'Lead triage overdue',
      body: 'Lead {reference} ({subject}) in {area} is past its triage deadline ({dueAt}) and was escalated.',
    },
  },
  'lead.outcome': {
    zh: { title: '您报告的线索有了结果', body: '线索 {reference}（{subject}）：{outcome}。' },
    en: { title: 'Your lead has an outcome', body: 'Lead {reference} ({subject}): {outcomeEn}.' },
  },
  'provider_application.overdue': {
    zh: {
      title: '机构入驻申请审核已超时',
      body: '{subject} 的入驻申请已超过审核期限（{dueAt}）。',
    },
    en: {
      title: 'Organization application overdue',
      body: 'The application of {subject} is past its review deadline ({dueAt}).',
    },
  },
  'tender.published': {
    zh: {
      title: '新的招标项目',
      body: '您所在地区发布了招标项目：{subject}（{category}，预算 {budget}），投标截止 {dueAt}。',
    },
    en: {
      title: 'New tender',
      body: 'A tender was published in your area: {subject} ({category}, budget {budget}); bids close {dueAt}.',
    },
  },
  'award.made': {
    zh: { title: '中标通知', body: '项目 {subject} 已确定中标机构。' },
    en: { title: 'Award made', body: 'Project {subject} has been awarded.' },
  },
  'award.declined': {
    zh: { title: '中标被放弃', body: '项目 {subject} 的中标机构已放弃中标。' },
    en: { title: 'Award declined', body: 'The awarded organization declined project {subject}.' },
  },
  'contract.signed': {
    zh: { title: '合同已签订', body: '项目 {subject} 的服务合同已签订。' },
    en: {
      title: 'Contract signed',
      body: 'The service contract for project {subject} was signed.',
    },
  },
  'evaluation.assigned': {
    zh: { title: '评估任务分配', body: '您被指派参与项目 {subject} 的绩效评估。' },
    en: {
      title: 'Evaluation assigned',
      body: 'You are assigned to the performance evaluation of {subject}.',
    },
  },
  'evaluation.comment_open': {
    zh: {
      title: '评估意见征求开始',
      body: '项目 {subject} 的评估结果已公示，意见征求截止 {dueAt}。',
    },
    en: {
      title: 'Comment window open',
      body: 'The evaluation of {subject} is open for comments until {dueAt}.',
    },
  },
  'household.revisit_due': {
    zh: { title: '家庭回访到期', body: '家庭 {subject} 需在 {dueAt} 前回访评估。' },
    en: { title: 'Revisit due', body: 'Household {subject} is due for a revisit by {dueAt}.' },
  },
  'household.grace_ending': {
    zh: { title: '家庭渐退期即将结束', body: '家庭 {subject} 的渐退期将于 {dueAt} 结束。' },
    en: {
      title: 'Grace period ending',
      body: 'The grace period of household {subject} ends {dueAt}.',
    },
  },
  'case.handed_over': {
    zh: {
      title: '个案已移交',
      body: '家庭 {subject} 的个案已由 {fromAdviser} 移交给 {toAdviser}，原因：{reason}',
    },
    en: {
      title: 'Case handed over',
      body: 'The case of household {subject} was handed over from {fromAdviser} to {toAdviser}: {reason}',
    },
  },
  'supervision.action_required': {
    zh: {
      title: '督导提出整改要求',
      body: '家庭 {subject} 的个案收到督导整改要求，请于 {dueAt} 前处理并回复',
    },
    en: {
      title: 'Supervision: action required',
      body: 'A supervisor asked for an action on the case of household {subject}, due {dueAt}',
    },
  },
  'supervision.answered': {
    zh: {
      title: '督导意见已回复',
      body: '{adviser} 已回复您对家庭 {subject} 个案的督导意见，请查看并办结',
    },
    en: {
      title: 'Supervision answered',
      body: '{adviser} answered your supervision on the case of household {subject}',
    },
  },
  'case_plan.goal_flagged': {
    zh: {
      title: '服务计划目标需跟进',
      body: '家庭 {subject} 的服务计划中「{category}」目标的转介已被拒绝或已失效，请重新安排。',
    },
    en: {
      title: 'Plan goal needs attention',
      body: 'The referral for the {category} goal of the plan of household {subject} was declined or expired: plan again.',
    },
  },
  'case.visit_due': {
    zh: { title: '待走访', body: '家庭 {subject}（{area}）的回访定于 {dueAt}，请按时走访并记录。' },
    en: {
      title: 'Visit due',
      body: 'Household {subject} ({area}) is due for a visit on {dueAt}: visit and record it.',
    },
  },
  'household.moved': {
    zh: {
      title: '家庭已迁移',
      body: '家庭 {subject} 已从 {fromCommunity} 迁至 {toCommunity}，请留意个案与服务的衔接。',
    },
    en: {
      title: 'Household moved',
      body: 'Household {subject} moved from {fromCommunity} to {toCommunity}; please see to the case and the services.',
    },
  },
  // relief: intake, follow-up
  'relief_intake.registered': {
    zh: {
      title: '新的急难登记',
      body: '家庭 {subject}（{area}）已急难登记，已按最高优先级匹配救助；请在 {dueAt} 前完成完整评估。',
    },
    en: {
      title: 'New emergency intake',
      body: 'Household {subject} ({area}) was registered as an emergency and matched at top priority; complete its full assessment by {dueAt}.',
    },
  },
  'relief_follow_up.overdue': {
    zh: {
      title: '急难家庭评估已逾期',
      body: '急难登记家庭（{area}）的完整评估应于 {dueAt} 前完成，现已逾期。',
    },
    en: {
      title: 'Emergency follow-up overdue',
      body: 'The full assessment of an emergency household ({area}) was due by {dueAt} and is overdue.',
    },
  },
  'relief_follow_up.escalated': {
    zh: {
      title: '急难家庭评估逾期已上报',
      body: '{area} 一户急难登记家庭的完整评估应于 {dueAt} 前完成，逾期未完成，已上报街道。',
    },
    en: {
      title: 'Emergency follow-up escalated',
      body: 'The full assessment of an emergency household in {area} was due by {dueAt}; it is overdue and escalated to the street.',
    },
  },
  // relief: grants
  'grant.requested': {
    zh: {
      title: '临时救助待审批',
      body: '家庭 {subject}（{area}）申请临时救助 {amountFen}，请在 {dueAt} 前审批。',
    },
    en: {
      title: 'Emergency grant to decide',
      body: 'Household {subject} ({area}) requests an emergency grant of {amountFen}; decide by {dueAt}.',
    },
  },
  'grant.decided': {
    zh: {
      title: '临时救助已审批',
      body: '家庭 {subject} 的临时救助申请：{decision}，金额 {amountFen}。',
    },
    en: {
      title: 'Emergency grant decided',
      body: 'The emergency grant for household {subject}: {decision}, amount {amountFen}.',
    },
  },
  'grant.escalated': {
    zh: {
      title: '临时救助超时未审批',
      body: '家庭 {subject}（{area}）的临时救助申请 {amountFen} 未在 {dueAt} 前审批，已上报本级。',
    },
    en: {
      title: 'Emergency grant escalated',
      body: 'The emergency grant of {amountFen} for household {subject} ({area}) was not decided by {dueAt} and is escalated to you.',
    },
  },
  'grant.fund_low': {
    zh: {
      title: '救助资金余额不足预警',
      body: '{subject} 余额 {balanceFen}，已低于预警线 {thresholdFen}，请及时补充。',
    },
    en: {
      title: 'Relief fund running low',
      body: '{subject} has {balanceFen} left, below its alert threshold of {thresholdFen}: top it up.',
    },
  },
  'webhook.disabled': {
    zh: { title: 'Webhook 已停用', body: '订阅 {url} 连续 {failures} 次投递失败，已自动停用。' },
    en: {
      title: 'Webhook disabled',
      body: 'Subscription {url} failed {failures} deliveries in a row and was disabled.',
    },
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The emitters name things by what they are (`resourceTitle`, `projectTitle`, `name`,
 * `acceptDueAt`…); the templates read `subject`, `dueAt` and `area`. Each placeholder takes the
 * first of its names that the event carries, so an emitter needs no template in mind.
 */
const ALIASES: Record<string, readonly string[]> = {
  subject: [
    'subject',
    'resourceTitle',
    'projectTitle',
    'contractTitle',
    'title',
    'name',
    'headName',
  ],
  dueAt: [
    'dueAt',
    'acceptDueAt',
    'deliverDueAt',
    'reviewDueAt',
    'respondBy',
    'closesAt',
    'commentDueAt',
    'due',
  ],
  area: ['area', 'areaName', 'escalationAreaName', 'homeAreaName', 'communityName'],
  category: ['categoryCode'],
  budget: ['budgetFen'],
};

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Each value formatted by its own key (yuan, Beijing time, labels), then the aliases. */
function withAliases(
  data: Record<string, unknown>,
  labels: DictionaryGroups,
  locale: LabelLocale,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (present(value)) values[key] = noticeValue(key, value, labels, locale);
  }
  for (const [key, names] of Object.entries(ALIASES)) {
    const found = names.find((n) => present(data[n]));
    if (found !== undefined) values[key] = values[found];
  }
  return values;
}

/**
 * The notice for an event, in the given language (Chinese unless said otherwise): times in
 * Beijing time, amounts in yuan, codes by their labels (`labels`: the composed dictionaries).
 */
export function renderNotice(
  type: EventType,
  data: Record<string, unknown>,
  lang: 'zh' | 'en' = 'zh',
  labels: DictionaryGroups = {},
): { title: string; body: string } {
  const template = NOTICE_TEMPLATES[type][lang];
  const values = withAliases(data, labels, lang === 'en' ? 'en' : 'zh-CN');
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, key: string) => values[key] ?? '—');
  return { title: fill(template.title), body: fill(template.body) };
}
