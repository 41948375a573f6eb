import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type AssignedEvaluation, type Project, useAssignedEvaluations, useMyPanels } from './api';
import { ProjectStatusTag } from '@/features/procurement/status';

/** Work first: projects awaiting the caller's declarations and scores lead the list. */
const ORDER: Record<Project['status'], number> = {
  evaluating: 0,
  bidding_closed: 1,
  published: 2,
  awarded: 3,
  failed: 4,
  cancelled: 5,
  draft: 6,
};

/** An evaluator's tasks: the projects whose panel they sit on. */
export function MyTasksPage() {
  const { t } = useTranslation(['evaluations', 'common']);
  const label = useLabel();
  const panels = useMyPanels();
  const rows = [...(panels.data?.items ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status]);

  return (
    <PageContainer title={t('title')} subTitle={t('subTitle')}>
      <QueryState
        isLoading={panels.isLoading}
        error={panels.error}
        empty={rows.length === 0}
        emptyText={t('empty')}
        onRetry={() => void panels.refetch()}
      >
        <Card size="small">
          <Table<Project>
            rowKey="id"
            dataSource={rows}
            scroll={{ x: 900 }}
            pagination={false}
            columns={[
              {
                title: t('field.title'),
                dataIndex: 'title',
                render: (title: string, p) => <Link to={`/tasks/projects/${p.id}`}>{title}</Link>,
              },
              {
                title: t('field.category'),
                dataIndex: 'categoryCode',
                width: 140,
                render: (c: string) => label('category', c),
              },
              {
                title: t('field.budget'),
                dataIndex: 'budgetFen',
                width: 150,
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('field.closesAt'),
                dataIndex: 'closesAt',
                width: 160,
                render: (iso: string | null) => formatTime(iso),
              },
              { title: t('field.bidCount'), dataIndex: 'bidCount', width: 80 },
              {
                title: t('field.status'),
                dataIndex: 'status',
                width: 120,
                render: (s: Project['status']) => <ProjectStatusTag status={s} />,
              },
              {
                title: t('field.actions'),
                key: 'actions',
                width: 100,
                render: (_v, p) => <Link to={`/tasks/projects/${p.id}`}>{t('open')}</Link>,
              },
            ]}
          />
        </Card>
      </QueryState>
      <ContractEvaluations />
    </PageContainer>
  );
}

/** The contract performance evaluations assigned to the caller, unscored first. */
function ContractEvaluations() {
  const { t } = useTranslation(['evaluations', 'common']);
  const label = useLabel();
  const assigned = useAssignedEvaluations();
  const rows = assigned.data ?? [];
  return (
    <Card size="small" title={t('contract.title')} style={{ marginTop: 16 }}>
      <QueryState
        isLoading={assigned.isLoading}
        error={assigned.error}
        empty={rows.length === 0}
        emptyText={t('contract.empty')}
      >
        <Table<AssignedEvaluation>
          rowKey="id"
          dataSource={rows}
          scroll={{ x: 900 }}
          pagination={false}
          columns={[
            {
              title: t('contract.contractTitle'),
              dataIndex: 'contractTitle',
              render: (title: string, e) => <Link to={`/tasks/evaluations/${e.id}`}>{title}</Link>,
            },
            { title: t('contract.provider'), dataIndex: 'providerName', width: 200 },
            {
              title: t('contract.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: string) => label('evaluationKind', k),
            },
            {
              title: t('contract.type'),
              dataIndex: 'type',
              width: 140,
              render: (k: string) => label('evaluatorType', k),
            },
            {
              title: t('contract.mine'),
              dataIndex: 'submitted',
              width: 100,
              render: (done: boolean, e) =>
                done ? (
                  <Tag color="green">{t('contract.submitted')}</Tag>
                ) : e.status === 'open' ? (
                  <Tag color="gold">{t('contract.pending')}</Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: t('contract.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => label('evaluationStatus', s),
            },
            {
              title: t('field.actions'),
              key: 'actions',
              width: 100,
              render: (_v, e) => <Link to={`/tasks/evaluations/${e.id}`}>{t('open')}</Link>,
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
