import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '@/lib/format';
import type { Evaluation } from './api';

/**
 * The platform's referral evidence of a performance evaluation (live while open, frozen at
 * completion), shown beside the scores to evaluators and to staff on the contract page.
 */
export function ReferralEvidence({ evaluation: e }: { evaluation: Evaluation }) {
  const { t } = useTranslation('evaluations');
  return (
    <Descriptions size="small" column={1} data-testid="evidence">
      <Descriptions.Item label={t('contract.referrals')}>{e.evidence.referrals}</Descriptions.Item>
      <Descriptions.Item label={t('contract.accepted')}>
        {e.evidence.acceptedWithinDeadline}
      </Descriptions.Item>
      <Descriptions.Item label={t('contract.delivered')}>
        {e.evidence.deliveredWithinDeadline}
      </Descriptions.Item>
      <Descriptions.Item label={t('contract.resolved')}>
        {e.evidence.closedResolved}
      </Descriptions.Item>
      <Descriptions.Item label={t('contract.satisfaction')}>
        {e.evidence.meanSatisfaction === null
          ? '—'
          : t('contract.satisfactionValue', {
              mean: e.evidence.meanSatisfaction,
              n: e.evidence.satisfactionResponses,
            })}
      </Descriptions.Item>
      <Descriptions.Item label={t('contract.openedAt')}>{formatTime(e.openedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
