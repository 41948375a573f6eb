import { Alert, Button, Flex, List, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { useApprovalQueue, useDueSoonHours } from './api';
import { type ApprovalOutcome, HouseholdApprovalCard } from './HouseholdApprovalCard';
import { type DueFilter, groupByHousehold, type Proposal } from './queue';
import { RejectProposalModal } from './RejectProposalModal';
import { stackingWhyNotOf } from '@/features/stacking/StackingWhyNot';

type Sort = 'deadline' | 'urgency' | 'age';

/** What each item of a bulk approval came to: a referral, or the API's reason for refusing. */
function OutcomeModal({
  outcome,
  onClose,
}: {
  outcome: ApprovalOutcome | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['approvals', 'common']);
  const label = useLabel();
  return (
    <Modal
      open={outcome !== null}
      title={t('outcome.title', { name: outcome?.householdName ?? '' })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common:action.confirm')}
        </Button>
      }
    >
      <List
        dataSource={outcome?.results ?? []}
        data-testid="approval-outcome"
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={r.status === 'approved' ? 'green' : 'red'}>
                  {label('approvalItemStatus', r.status)}
                </Tag>
                <Typography.Text strong>{r.resourceTitle ?? r.proposalId}</Typography.Text>
              </Space>
              {r.status === 'approved' && r.referralId ? (
                <Link to={`/referrals/${r.referralId}`} onClick={onClose}>
                  {t('outcome.referral')}
                </Link>
              ) : (
                <Alert
                  type="error"
                  showIcon
                  message={r.message ?? label('errorCode', r.code)}
                  description={stackingWhyNotOf(r.details)}
                />
              )}
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** The approval queue grouped by household: "1 family + N resources", approved together. */
export function ApprovalsPage() {
  const { t } = useTranslation(['approvals', 'common']);
  const [params, setParams] = useSearchParams();
  const due = (
    ['soon', 'overdue'].includes(params.get('due') ?? '') ? params.get('due') : undefined
  ) as DueFilter;
  const [sort, setSort] = useState<Sort>('urgency');
  const [tier, setTier] = useState<string | undefined>();
  const tiers = useOptions('tier');
  const soonHours = useDueSoonHours();
  // ?household= (from a household's page) narrows the queue to that one family.
  const householdId = params.get('household') ?? undefined;
  const queue = useApprovalQueue({ sort, tier, householdId });
  const groups = useMemo(
    () => groupByHousehold(queue.data?.items ?? [], due, soonHours),
    [queue.data, due, soonHours],
  );
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const [outcome, setOutcome] = useState<ApprovalOutcome | null>(null);

  return (
    <PageContainer
      title={t('title')}
      subTitle={t('subtitle')}
      extra={<Button onClick={() => void queue.refetch()}>{t('common:action.refresh')}</Button>}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('filter.due')}
          value={due ?? 'all'}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value === 'all') next.delete('due');
            else next.set('due', String(value));
            setParams(next, { replace: true });
          }}
          options={[
            { value: 'all', label: t('filter.all') },
            { value: 'soon', label: t('filter.soon') },
            { value: 'overdue', label: t('filter.overdue') },
          ]}
        />
        <Select
          aria-label={t('filter.sort')}
          style={{ width: 180 }}
          value={sort}
          onChange={setSort}
          options={(['urgency', 'deadline', 'age'] as const).map((value) => ({
            value,
            label: t(`sort.${value}`),
          }))}
        />
        <Select
          aria-label={t('filter.tier')}
          style={{ width: 200 }}
          allowClear
          placeholder={t('filter.tier')}
          value={tier}
          onChange={setTier}
          options={tiers}
        />
        {householdId && (
          <Tag
            closable
            color="blue"
            onClose={() => {
              const next = new URLSearchParams(params);
              next.delete('household');
              setParams(next, { replace: true });
            }}
          >
            {t('filter.household')}
          </Tag>
        )}
        <Typography.Text type="secondary">
          {t('counts', {
            households: groups.length,
            proposals: groups.reduce((n, g) => n + g.proposals.length, 0),
          })}
        </Typography.Text>
      </Flex>
      <QueryState
        isLoading={queue.isLoading}
        error={queue.error}
        empty={groups.length === 0}
        emptyText={t('empty')}
        onRetry={() => void queue.refetch()}
      >
        <List
          dataSource={groups}
          rowKey="householdId"
          pagination={groups.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          renderItem={(group) => (
            <List.Item style={{ display: 'block', padding: '0 0 16px', borderBlockEnd: 'none' }}>
              <HouseholdApprovalCard
                group={group}
                soonHours={soonHours}
                onReject={setRejecting}
                onApproved={setOutcome}
              />
            </List.Item>
          )}
        />
        {queue.data?.nextCursor && (
          <Typography.Paragraph type="secondary">{t('more')}</Typography.Paragraph>
        )}
      </QueryState>
      <RejectProposalModal proposal={rejecting} onClose={() => setRejecting(null)} />
      <OutcomeModal outcome={outcome} onClose={() => setOutcome(null)} />
    </PageContainer>
  );
}
