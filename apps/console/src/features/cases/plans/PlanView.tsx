import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '@/lib/dictionaries';
import { formatDate } from '@/lib/format';
import type { Plan, PlanAction, PlanGoal } from './api';

const GOAL_COLOR: Record<string, string> = {
  open: 'default',
  in_progress: 'processing',
  achieved: 'success',
  dropped: 'default',
};
const ACTION_COLOR: Record<string, string> = {
  todo: 'default',
  done: 'success',
  cancelled: 'default',
};
export const PLAN_COLOR: Record<string, string> = {
  draft: 'gold',
  agreed: 'green',
  superseded: 'default',
};

/** Goals by the need they answer (goals the adviser added by hand last), each with its actions. */
export function groupByNeed(goals: PlanGoal[]): Array<{ key: string; goals: PlanGoal[] }> {
  const groups = new Map<string, PlanGoal[]>();
  for (const g of goals) {
    const key = g.needId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  const entries = [...groups.entries()].map(([key, goals]) => ({ key, goals }));
  return [...entries.filter((e) => e.key !== ''), ...entries.filter((e) => e.key === '')];
}

function GoalCard({ goal }: { goal: PlanGoal }) {
  const { t } = useTranslation('casePlans');
  const label = useLabel();
  return (
    <Card
      size="small"
      data-testid={`goal-${goal.id}`}
      style={goal.flagged ? { borderColor: '#faad14', background: '#fffbe6' } : undefined}
      title={
        <Flex gap={8} align="center" wrap>
          {goal.flagged && <WarningOutlined style={{ color: '#faad14' }} />}
          <span>{goal.title}</span>
          <Tag color={GOAL_COLOR[goal.status]}>{label('planGoalStatus', goal.status)}</Tag>
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {t('targetDateIs', { date: formatDate(goal.targetDate) })}
        </Typography.Text>
      }
    >
      {goal.flagged && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('flagged', { reason: label('planGoalFlag', goal.flagReason) })}
          description={t('flaggedHint')}
        />
      )}
      <Table<PlanAction>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={goal.actions}
        locale={{ emptyText: t('noActions') }}
        columns={[
          {
            title: t('field.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (v: string) => label('planActionKind', v),
          },
          { title: t('field.description'), dataIndex: 'description' },
          {
            title: t('field.dueDate'),
            dataIndex: 'dueDate',
            width: 120,
            render: (v: string | null) => formatDate(v),
          },
          {
            title: t('field.referralStatus'),
            dataIndex: 'referralStatus',
            width: 120,
            render: (v: string | null) => (v ? <Tag>{label('referralStatus', v)}</Tag> : '—'),
          },
          {
            title: t('field.actionStatus'),
            dataIndex: 'status',
            width: 120,
            render: (v: string) => (
              <Tag color={ACTION_COLOR[v]}>{label('planActionStatus', v)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** A plan's goals grouped by need, read only (the current plan and earlier versions alike). */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation('casePlans');
  const label = useLabel();
  if (plan.goals.length === 0) return <Empty description={t('noGoals')} />;
  return (
    <Flex vertical gap={16}>
      {groupByNeed(plan.goals).map(({ key, goals }) => (
        <section key={key || 'other'} aria-label={key ? goals[0].title : t('otherGoals')}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {key ? label('category', goals[0].category) : t('otherGoals')}
            {key && goals[0].needStatus && (
              <Tag style={{ marginLeft: 8 }}>
                {t('needStatusIs', { status: label('needStatus', goals[0].needStatus) })}
              </Tag>
            )}
          </Typography.Title>
          <Flex vertical gap={12}>
            {goals.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
