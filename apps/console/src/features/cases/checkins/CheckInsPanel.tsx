import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { useCheckIns } from './api';

/** The case page's 回访记录 tab: the check-ins, newest first, as cards (readable on a phone). */
export function CheckInsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('caseCheckins');
  const label = useLabel();
  const checkIns = useCheckIns(caseId);
  const items = checkIns.data ?? [];
  return (
    <QueryState
      isLoading={checkIns.isLoading}
      error={checkIns.error}
      empty={items.length === 0}
      emptyText={t('panel.none')}
    >
      <Flex vertical gap={12}>
        {items.map((c) => (
          <Card
            key={c.id}
            size="small"
            title={`${label('checkInMode', c.mode)} · ${formatTime(c.at)}`}
            extra={c.byName}
          >
            <Flex wrap gap={4} style={{ marginBottom: 8 }}>
              <Tag>
                {t('panel.income')}：{label('incomeChange', c.incomeChange)}
                {c.newMonthlyIncomeFen !== null && `（${formatYuan(c.newMonthlyIncomeFen)}）`}
              </Tag>
              {c.newSeriousIllness && <Tag>{t('health.newSeriousIllness')}</Tag>}
              {c.newDisability && <Tag>{t('health.newDisability')}</Tag>}
              {c.hospitalStay && <Tag>{t('health.hospitalStay')}</Tag>}
              {c.memberChanges.map((m) => (
                <Tag key={m}>{label('memberChange', m)}</Tag>
              ))}
              {c.lostHousing && <Tag>{t('housing.lostHousing')}</Tag>}
              {c.housingDamage && <Tag>{t('housing.housingDamage')}</Tag>}
              {c.rentArrears && <Tag>{t('housing.rentArrears')}</Tag>}
              {c.newDifficulties.map((d) => (
                <Tag key={d}>{label('category', d)}</Tag>
              ))}
            </Flex>
            {c.difficultyNote && (
              <Typography.Paragraph type="secondary">{c.difficultyNote}</Typography.Paragraph>
            )}
            <Typography.Paragraph>{c.conclusion}</Typography.Paragraph>
            <Flex wrap gap={4}>
              {c.openedNeeds.map((n) => (
                <Tag key={n} color="blue">
                  {t('panel.newNeed')}：{label('category', n)}
                </Tag>
              ))}
              {c.reassessmentReasons.map((r) => (
                <Tag key={r} color="orange">
                  {t('outcome.reassess')}：{label('reassessmentReason', r)}
                </Tag>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    </QueryState>
  );
}
