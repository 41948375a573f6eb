import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  CopyOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  FileSearchOutlined,
  FundOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  ProjectOutlined,
  FormOutlined,
  PieChartOutlined,
  ScheduleOutlined,
  SlidersOutlined,
  SecurityScanOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, Role } from '@/lib/auth';

export interface MenuEntry {
  path: string;
  /** Key in the common namespace's `menu` table. */
  label: string;
  icon: ReactNode;
  roles: Role[];
  /** Provider users only when they are their organization's admin. */
  orgAdminProviders?: boolean;
}

/** Whether the menu offers the entry to this user. */
export const offered = (entry: MenuEntry, me: Pick<Me, 'role' | 'isOrgAdmin'>) =>
  entry.roles.includes(me.role) ||
  (!!entry.orgAdminProviders && me.role === 'provider' && me.isOrgAdmin);

const STAFF: Role[] = ['admin', 'civil_affairs'];
const HOUSEHOLD_ROLES: Role[] = ['admin', 'civil_affairs', 'assessor'];
const EVERYONE: Role[] = ['admin', 'civil_affairs', 'assessor', 'provider', 'evaluator'];

/**
 * The side menu by role. It only decides what is offered: the API decides what is allowed,
 * and a page shows the API's 403 if someone types a link they may not use.
 */
export const MENU: MenuEntry[] = [
  { path: '/', label: 'home', icon: <HomeOutlined />, roles: EVERYONE },
  { path: '/cases', label: 'cases', icon: <FolderOpenOutlined />, roles: HOUSEHOLD_ROLES },
  { path: '/households', label: 'households', icon: <TeamOutlined />, roles: HOUSEHOLD_ROLES },
  {
    path: '/households/new',
    label: 'householdNew',
    icon: <UserAddOutlined />,
    roles: HOUSEHOLD_ROLES,
  },
  {
    path: '/imports',
    label: 'householdImport',
    icon: <CloudUploadOutlined />,
    roles: HOUSEHOLD_ROLES,
  },
  // ledger: imports (救助台账 · 名册导入)
  {
    path: '/assistance/imports',
    label: 'assistanceImports',
    icon: <CloudUploadOutlined />,
    roles: ['admin', 'civil_affairs', 'provider'],
  },
  { path: '/dashboard', label: 'dashboard', icon: <DashboardOutlined />, roles: STAFF },
  {
    path: '/reports/case-outcomes',
    label: 'caseOutcomes',
    icon: <FundOutlined />,
    roles: STAFF,
  },
  // ledger: reports
  {
    path: '/reports/assistance',
    label: 'assistanceReport',
    icon: <AccountBookOutlined />,
    roles: STAFF,
  },
  {
    path: '/reports/missed-assistance',
    label: 'missedAssistance',
    icon: <AlertOutlined />,
    roles: STAFF,
  },
  {
    path: '/reports/assistance-duplicates',
    label: 'assistanceDuplicates',
    icon: <CopyOutlined />,
    roles: STAFF,
  },
  // relief: intake (急难登记, 待补全评估)
  {
    path: '/relief/intake',
    label: 'reliefIntake',
    icon: <AlertOutlined />,
    roles: HOUSEHOLD_ROLES,
  },
  {
    path: '/relief/follow-ups',
    label: 'reliefFollowUps',
    icon: <ScheduleOutlined />,
    roles: HOUSEHOLD_ROLES,
  },
  { path: '/approvals', label: 'approvals', icon: <CheckSquareOutlined />, roles: STAFF },
  // relief: grants (临时救助审批)
  { path: '/relief-grants', label: 'reliefGrants', icon: <ThunderboltOutlined />, roles: STAFF },
  {
    path: '/relief-grants/limits',
    label: 'grantLimits',
    icon: <SlidersOutlined />,
    roles: STAFF,
  },
  { path: '/referrals', label: 'referrals', icon: <NodeIndexOutlined />, roles: STAFF },
  { path: '/resources/review', label: 'resourceReview', icon: <AuditOutlined />, roles: STAFF },
  { path: '/applications', label: 'applications', icon: <SolutionOutlined />, roles: STAFF },
  {
    path: '/users',
    label: 'users',
    icon: <UsergroupAddOutlined />,
    roles: STAFF,
    orgAdminProviders: true,
  },
  { path: '/organizations', label: 'organizations', icon: <BankOutlined />, roles: STAFF },
  { path: '/areas', label: 'areas', icon: <ApartmentOutlined />, roles: STAFF },
  { path: '/stacking-rules', label: 'stackingRules', icon: <PartitionOutlined />, roles: STAFF },
  { path: '/procurement', label: 'procurement', icon: <ProjectOutlined />, roles: STAFF },
  { path: '/tasks', label: 'tasks', icon: <ScheduleOutlined />, roles: ['evaluator'] },
  {
    path: '/contracts',
    label: 'contracts',
    icon: <FileProtectOutlined />,
    roles: ['civil_affairs', 'provider'],
  },
  { path: '/tenders', label: 'tenders', icon: <FileSearchOutlined />, roles: ['provider'] },
  { path: '/inbox', label: 'inbox', icon: <InboxOutlined />, roles: ['provider'] },
  {
    path: '/provider/resources',
    label: 'myResources',
    icon: <GiftOutlined />,
    roles: ['provider'],
  },
  {
    path: '/provider/organization',
    label: 'myOrganization',
    icon: <IdcardOutlined />,
    roles: ['provider'],
  },
  // 救助台账: help from every source (the entries part's two pages)
  {
    path: '/assistance/record',
    label: 'assistanceRecord',
    icon: <FormOutlined />,
    roles: ['admin', 'civil_affairs', 'provider'],
  },
  {
    path: '/assistance',
    label: 'assistanceEntries',
    icon: <BookOutlined />,
    roles: ['admin', 'civil_affairs', 'provider'],
  },
  {
    path: '/assistance/lookup',
    label: 'assistanceLookup',
    icon: <SecurityScanOutlined />,
    roles: ['admin', 'civil_affairs', 'provider'],
  },
  // relief: leads. A reporter sees these two and nothing else.
  {
    path: '/leads/new',
    label: 'leadReport',
    icon: <AlertOutlined />,
    roles: [...EVERYONE, 'reporter'],
  },
  {
    path: '/leads/mine',
    label: 'myLeads',
    icon: <FileSearchOutlined />,
    roles: ['reporter', 'provider', 'evaluator'],
  },
  { path: '/leads', label: 'leadTriage', icon: <AuditOutlined />, roles: HOUSEHOLD_ROLES },
  { path: '/reports/leads', label: 'leadStats', icon: <PieChartOutlined />, roles: STAFF },
  // relief: funds (救助资金; assessors read)
  {
    path: '/relief-funds',
    label: 'reliefFunds',
    icon: <MoneyCollectOutlined />,
    roles: HOUSEHOLD_ROLES,
  },
  { path: '/access-log', label: 'accessLog', icon: <EyeOutlined />, roles: STAFF },
  { path: '/notifications', label: 'notifications', icon: <BellOutlined />, roles: EVERYONE },
];
