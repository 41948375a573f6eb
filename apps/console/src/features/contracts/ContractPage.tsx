import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { useContract } from './api';
import { ContractActions } from './ContractActions';
import { EvaluationsCard } from './EvaluationsCard';
import { MilestonesCard } from './MilestonesCard';
import { PaymentsCard } from './PaymentsCard';
import { ContractStatusTag } from './status';

/**
 * One contract: parties, value and period; milestones with their outcomes and evidence files;
 * payments; performance evaluations with the platform's referral evidence and the
 * organization's comment. Staff act on an active contract; everyone else reads.
 */
export function ContractPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation(['contracts', 'common']);
  const label = useLabel();
  const me = useMe();
  const contract = useContract(id);
  const c = contract.data;
  // The API lets staff in scope act; the page offers the steps to civil-affairs staff only.
  const staff = me.role === 'civil_affairs' && c?.status === 'active';

  return (
    <PageContainer
      title={c?.title ?? t('title')}
      crumbs={[[t('title'), '/contracts']]}
      extra={
        c && (
          <>
            <ContractStatusTag status={c.status} style={{ alignSelf: 'center' }} />
            {staff && <ContractActions contract={c} />}
          </>
        )
      }
    >
      <QueryState
        isLoading={contract.isLoading}
        error={contract.error}
        onRetry={() => void contract.refetch()}
      >
        {c && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('basic')}>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="contract">
                <Descriptions.Item label={t('field.provider')}>{c.providerName}</Descriptions.Item>
                <Descriptions.Item label={t('field.value')}>
                  {formatYuan(c.valueFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.period')}>
                  {`${formatDate(c.periodStart)} ~ ${formatDate(c.periodEnd)}`}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.signedAt')}>
                  {formatTime(c.signedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.paid')}>
                  {formatYuan(c.paidFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.latestGrade')}>
                  {c.latestGrade ? label('grade', c.latestGrade) : '—'}
                </Descriptions.Item>
                {c.endedAt && (
                  <Descriptions.Item label={t('field.endedAt')}>
                    {formatTime(c.endedAt)}
                  </Descriptions.Item>
                )}
                {c.terminationReason && (
                  <Descriptions.Item label={t('field.terminationReason')}>
                    {c.terminationReason}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <MilestonesCard contract={c} canDecide={staff} />
            <PaymentsCard contract={c} />
            <EvaluationsCard contract={c} canManage={staff} />
          </Space>
        )}
      </QueryState>
    </PageContainer>
  );
}
