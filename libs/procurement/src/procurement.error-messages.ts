import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { PROCUREMENT_ERRORS } from './procurement.errors';

/** The procurement lib's error texts: zh-CN for the offices, en as the code's label. */
export const PROCUREMENT_ERROR_MESSAGES = {
  PROJECT_NOT_FOUND: { 'zh-CN': '未找到该采购项目', en: 'Project not found' },
  PROJECT_INVALID_TRANSITION: {
    'zh-CN': '该采购项目当前状态下不能进行此操作',
    en: 'Invalid project transition',
  },
  PROJECT_NOT_EDITABLE: { 'zh-CN': '该采购项目当前不能修改', en: 'Project not editable' },
  CRITERIA_INVALID: { 'zh-CN': '评审标准有误', en: 'Invalid criteria' },
  BIDDING_PERIOD_TOO_SHORT: { 'zh-CN': '投标期限过短', en: 'Bidding period too short' },
  BIDDING_NOT_OPEN: { 'zh-CN': '当前不在投标期内', en: 'Bidding is not open' },
  BIDDING_STILL_OPEN: { 'zh-CN': '投标尚未截止', en: 'Bidding is still open' },
  BID_NOT_FOUND: { 'zh-CN': '未找到该投标', en: 'Bid not found' },
  BID_FILE_NOT_FOUND: { 'zh-CN': '未找到该投标文件', en: 'Bid file not found' },
  BID_ALREADY_SUBMITTED: { 'zh-CN': '该投标已提交', en: 'Bid already submitted' },
  BID_NOT_LIVE: { 'zh-CN': '该投标已撤回或失效', en: 'Bid not live' },
  BID_PRICE_OVER_BUDGET: { 'zh-CN': '投标报价超出预算', en: 'Bid price over budget' },
  BID_SEALED: { 'zh-CN': '投标截止前不能查看投标内容', en: 'Bids are sealed until the deadline' },
  BIDDER_NOT_ELIGIBLE: { 'zh-CN': '该机构不具备投标资格', en: 'Bidder not eligible' },
  QUALIFICATION_CLOSED: { 'zh-CN': '资格审查已结束', en: 'Qualification closed' },
  QUALIFICATION_REASON_REQUIRED: {
    'zh-CN': '不通过资格审查须说明理由',
    en: 'A reason is required',
  },
  QUALIFICATION_PENDING: { 'zh-CN': '资格审查尚未完成', en: 'Qualification pending' },
  PANEL_INVALID: { 'zh-CN': '评审小组组成不符合要求', en: 'Invalid panel' },
  PANEL_LOCKED: { 'zh-CN': '评审小组已锁定', en: 'Panel locked' },
  PANEL_INCOMPLETE: { 'zh-CN': '评审小组人数不足', en: 'Panel incomplete' },
  NOT_ON_PANEL: { 'zh-CN': '您不是该项目评审小组成员', en: 'Not on the panel' },
  DECLARATION_LOCKED: { 'zh-CN': '利益冲突声明已锁定', en: 'Declaration locked' },
  DECLARATION_REQUIRED: { 'zh-CN': '请先提交利益冲突声明', en: 'Declaration required' },
  EVALUATOR_RECUSED: { 'zh-CN': '您已回避该项目的评审', en: 'Evaluator recused' },
  SCORES_INVALID: { 'zh-CN': '评分有误', en: 'Invalid scores' },
  SCORES_LOCKED: { 'zh-CN': '评分已锁定', en: 'Scores locked' },
  SCORING_INCOMPLETE: { 'zh-CN': '评分尚未全部完成', en: 'Scoring incomplete' },
  MODERATION_NOT_NEEDED: { 'zh-CN': '评分无需复核', en: 'Moderation not needed' },
  RANKING_NOT_READY: { 'zh-CN': '排名尚未产生', en: 'Ranking not ready' },
  PRICE_NOT_ABNORMAL: { 'zh-CN': '该报价不属于异常低价', en: 'Price not abnormal' },
  PRICE_JUSTIFICATION_REQUIRED: {
    'zh-CN': '异常低价须先提交说明',
    en: 'Price justification required',
  },
  AWARD_DEVIATION_UNJUSTIFIED: {
    'zh-CN': '未按排名授标须说明理由',
    en: 'Award deviation unjustified',
  },
  AWARD_NOT_FOUND: { 'zh-CN': '未找到该授标', en: 'Award not found' },
  AWARD_NOT_PENDING: { 'zh-CN': '该授标已处理', en: 'Award not pending' },
  AWARD_RESPONSE_CLOSED: { 'zh-CN': '授标答复期限已过', en: 'Award response closed' },
  MILESTONES_INVALID: { 'zh-CN': '履约节点设置有误', en: 'Invalid milestones' },
  EVALUATION_WEIGHTS_INVALID: { 'zh-CN': '评审权重设置有误', en: 'Invalid evaluation weights' },
  PROVIDER_SUSPENDED_FROM_BIDDING: {
    'zh-CN': '该机构被暂停投标资格',
    en: 'Provider suspended from bidding',
  },
  CONTRACT_NOT_FOUND: { 'zh-CN': '未找到该合同', en: 'Contract not found' },
  CONTRACT_INVALID_TRANSITION: {
    'zh-CN': '该合同当前状态下不能进行此操作',
    en: 'Invalid contract transition',
  },
  MILESTONE_NOT_FOUND: { 'zh-CN': '未找到该履约节点', en: 'Milestone not found' },
  MILESTONE_FILE_NOT_FOUND: {
    'zh-CN': '未找到该节点佐证文件',
    en: 'Milestone evidence file not found',
  },
  MILESTONE_ALREADY_DECIDED: { 'zh-CN': '该履约节点已验收', en: 'Milestone already decided' },
  MILESTONES_PENDING: { 'zh-CN': '尚有履约节点未验收', en: 'Milestones pending' },
  PAYMENTS_WAITING: { 'zh-CN': '尚有款项未支付', en: 'Payments waiting' },
  EVALUATION_NOT_FOUND: { 'zh-CN': '未找到该绩效评价', en: 'Evaluation not found' },
  EVALUATION_ALREADY_OPEN: { 'zh-CN': '已有进行中的绩效评价', en: 'Evaluation already open' },
  EVALUATION_NOT_OPEN: { 'zh-CN': '该绩效评价未在进行中', en: 'Evaluation not open' },
  EVALUATION_INCOMPLETE: { 'zh-CN': '绩效评价尚未完成', en: 'Evaluation incomplete' },
  EVALUATORS_INVALID: { 'zh-CN': '评价人员设置有误', en: 'Invalid evaluators' },
  EVALUATION_SCORES_LOCKED: { 'zh-CN': '绩效评分已锁定', en: 'Evaluation scores locked' },
  COMMENT_PERIOD_OVER: { 'zh-CN': '意见反馈期已结束', en: 'Comment period over' },
  COMMENT_ALREADY_GIVEN: {
    'zh-CN': '机构意见已提交，不能再次提交',
    en: 'The organization has already commented',
  },
} as const satisfies ErrorMessageTable<typeof PROCUREMENT_ERRORS>;

/** The procurement lib's own field rules and their zh-CN templates. */
export const PROCUREMENT_CONSTRAINTS = {
  partialReason: '部分达成时必须填写，其他情况不得填写',
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof PROCUREMENT_CONSTRAINTS> {}
}
