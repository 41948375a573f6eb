import { Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { type Case, useCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseOverview } from './CaseOverview';
import { CaseTimeline } from './CaseTimeline';
import { SupervisionPanel } from './supervision/SupervisionPanel';
import { CasePlanPanel } from './plans/CasePlanPanel';
import { CheckInButtons } from './checkins/CheckInButtons';
import { CheckInsPanel } from './checkins/CheckInsPanel';
import { MoveHouseholdButton } from './checkins/MoveHouseholdButton';

import { VisitsPanel } from './visits/VisitsPanel';
import { OutcomesPanel } from './outcomes/OutcomesPanel';

interface CaseTab {
  key: string;
  /** Key in the cases namespace, or a `ns:key` of the part's own namespace. */
  label: string;
  render: (kase: Case) => ReactNode;
}

/**
 * The case page's tabs, in order. Each part of the adviser's file (plan, visits, check-ins,
 * supervision, outcomes) adds one entry here and keeps its panel in its own folder.
 */
const TABS: CaseTab[] = [
  { key: 'overview', label: 'tab.overview', render: (kase) => <CaseOverview kase={kase} /> },
  { key: 'plan', label: 'casePlans:tab', render: (kase) => <CasePlanPanel caseId={kase.id} /> },
  { key: 'timeline', label: 'tab.timeline', render: (kase) => <CaseTimeline caseId={kase.id} /> },
  {
    key: 'visits',
    label: 'caseVisits:tab',
    render: (kase) => <VisitsPanel caseId={kase.id} canRecord={kase.status === 'open'} />,
  },
  {
    key: 'checkins',
    label: 'caseCheckins:tab',
    render: (kase) => <CheckInsPanel caseId={kase.id} />,
  },
  {
    key: 'outcomes',
    label: 'caseOutcomes:tab',
    render: (kase) => <OutcomesPanel caseId={kase.id} />,
  },
  {
    key: 'supervision',
    label: 'supervision:tab',
    render: (kase) => <SupervisionPanel caseId={kase.id} />,
  },
];

/**
 * /cases/:id — one household's file: who advises it, the case's state and changes (hand-over,
 * close, reopen), and a tab per part of the work. The open tab is kept in `?tab=` so a link
 * (a notice, the caseload) can open the right one.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const kase = useCase(id);
  const c = kase.data;
  const tab = TABS.some((x) => x.key === params.get('tab')) ? params.get('tab')! : 'overview';
  return (
    <PageContainer
      title={c ? t('caseOf', { name: c.headName ?? t('unnamed') }) : t('detail')}
      crumbs={[[t('title'), '/cases']]}
      subTitle={
        c && (
          <>
            <Tag color={c.status === 'open' ? 'green' : undefined}>
              {label('caseStatus', c.status)}
            </Tag>
            {c.communityName} · {t('col.adviser')}：{c.adviserName ?? t('unassigned')}
          </>
        )
      }
      extra={
        c && (
          <>
            {c.status === 'open' && <CheckInButtons caseId={c.id} />}
            {c.status === 'open' && (
              <MoveHouseholdButton householdId={c.householdId} communityId={c.communityId} />
            )}
            <CaseActions kase={c} />
          </>
        )
      }
    >
      <QueryState isLoading={kase.isLoading} error={kase.error}>
        {c && (
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            items={TABS.map((x) => ({
              key: x.key,
              label: t(x.label),
              children: x.render(c),
            }))}
          />
        )}
      </QueryState>
    </PageContainer>
  );
}
