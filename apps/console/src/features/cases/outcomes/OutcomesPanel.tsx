import { Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatDate } from '@/lib/format';
import { type CaseOutcome, useCaseOutcomes } from './api';

/** A score change with its sign, green when difficulty fell and red when it rose. */
function Change({ value }: { value: number | null }) {
  if (value === null) return <>—</>;
  const type = value < 0 ? 'success' : value > 0 ? 'danger' : undefined;
  return <Typography.Text type={type}>{value > 0 ? `+${value}` : String(value)}</Typography.Text>;
}

function OutcomeCard({ outcome }: { outcome: CaseOutcome }) {
  const { t } = useTranslation('caseOutcomes');
  const label = useLabel();
  const tier = (code: string | null) => (code ? label('tier', code) : t('noTier'));
  const verdict =
    outcome.totalChange === null || outcome.totalChange === 0
      ? t('unchanged')
      : outcome.scoreImproved
        ? t('improved')
        : t('worse');
  return (
    <Card
      size="small"
      data-testid={`outcome-${outcome.assessmentId}`}
      title={t('heading', {
        date: formatDate(outcome.completedAt),
        previous: formatDate(outcome.previousCompletedAt),
      })}
      extra={
        <Flex gap={4}>
          <Tag color={outcome.scoreImproved ? 'green' : outcome.totalChange ? 'red' : undefined}>
            {verdict}
          </Tag>
          {outcome.tierImproved && <Tag color="blue">{t('tierImproved')}</Tag>}
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('total')}>
          {outcome.totalBefore ?? '—'} → {outcome.totalAfter ?? '—'}（
          <Change value={outcome.totalChange} />）
        </Descriptions.Item>
        <Descriptions.Item label={t('tier')}>
          {tier(outcome.tierBefore)} → {tier(outcome.tierAfter)}
        </Descriptions.Item>
        <Descriptions.Item label={t('needsFulfilled')}>{outcome.needsFulfilled}</Descriptions.Item>
        <Descriptions.Item label={t('needsHelped')}>{outcome.needsHelped}</Descriptions.Item>
        <Descriptions.Item label={t('daysToHelp')}>
          {outcome.medianDaysToHelp === null
            ? '—'
            : t('daysValue', {
                median: outcome.medianDaysToHelp,
                mean: outcome.meanDaysToHelp,
              })}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="dimension"
        pagination={false}
        scroll={{ x: true }}
        dataSource={outcome.dimensions}
        columns={[
          {
            title: t('col.dimension'),
            dataIndex: 'dimension',
            render: (code: string) => label('assessmentDimension', code),
          },
          { title: t('col.before'), dataIndex: 'before', align: 'right', render: (v) => v ?? '—' },
          { title: t('col.after'), dataIndex: 'after', align: 'right', render: (v) => v ?? '—' },
          {
            title: t('col.change'),
            dataIndex: 'change',
            align: 'right',
            render: (v: number | null) => <Change value={v} />,
          },
        ]}
      />
    </Card>
  );
}

/** The case page's 成效 tab: the change at each reassessment, newest first. */
export function OutcomesPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('caseOutcomes');
  const outcomes = useCaseOutcomes(caseId);
  return (
    <QueryState isLoading={outcomes.isLoading} error={outcomes.error}>
      {outcomes.data && outcomes.data.outcomes.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('scoreHelp')}</Typography.Text>
          {outcomes.data?.outcomes.map((o) => (
            <OutcomeCard key={o.assessmentId} outcome={o} />
          ))}
        </Flex>
      )}
    </QueryState>
  );
}
