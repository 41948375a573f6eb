import { Card, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStaff, useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime } from '@/lib/format';
import {
  type HouseholdRead,
  type LookupRecord,
  useHouseholdLookups,
  useHouseholdReads,
} from './api';

/** The latest lookups about the household and reads of its record; the API scopes both. */
function Records({ householdId }: { householdId: string }) {
  const { t } = useTranslation('assistanceLookup');
  const label = useLabel();
  const lookups = useHouseholdLookups(householdId);
  const reads = useHouseholdReads(householdId);
  const questionText = (l: LookupRecord) =>
    l.question === 'receives'
      ? t('records.receives', { category: label('category', l.categoryCode) })
      : t('records.tier', { tier: label('tier', l.tier) });
  const answerText = (l: LookupRecord) => {
    if (!l.answer) return <Tag>{t('records.no')}</Tag>;
    const period = [l.since && formatDate(l.since), l.until && formatDate(l.until)]
      .filter(Boolean)
      .join(' ~ ');
    return (
      <Tag color="green">
        {t('records.yes')}
        {period && ` ${period}`}
      </Tag>
    );
  };
  return (
    <Card title={t('records.title')} size="small" data-testid="lookup-records">
      <Tabs
        size="small"
        items={[
          {
            key: 'lookups',
            label: t('records.lookups'),
            children: (
              <Table<LookupRecord>
                size="small"
                rowKey="id"
                pagination={false}
                loading={lookups.isLoading}
                dataSource={lookups.data?.items ?? []}
                scroll={{ x: 720 }}
                columns={[
                  { title: t('records.at'), dataIndex: 'at', render: formatTime },
                  { title: t('records.who'), dataIndex: 'userName' },
                  {
                    title: t('records.org'),
                    dataIndex: 'providerName',
                    render: (name: string | null, l) => name ?? label('role', l.role),
                  },
                  {
                    title: t('records.purpose'),
                    dataIndex: 'purpose',
                    render: (p: string, l) =>
                      l.purposeNote
                        ? `${label('lookupPurpose', p)}：${l.purposeNote}`
                        : label('lookupPurpose', p),
                  },
                  {
                    title: t('records.question'),
                    key: 'question',
                    render: (_v, l) => questionText(l),
                  },
                  { title: t('records.answer'), key: 'answer', render: (_v, l) => answerText(l) },
                ]}
              />
            ),
          },
          {
            key: 'reads',
            label: t('records.reads'),
            children: (
              <Table<HouseholdRead>
                size="small"
                rowKey="id"
                pagination={false}
                loading={reads.isLoading}
                dataSource={reads.data?.items ?? []}
                scroll={{ x: 560 }}
                columns={[
                  { title: t('records.at'), dataIndex: 'at', render: formatTime },
                  { title: t('records.who'), dataIndex: 'userName' },
                  {
                    title: t('records.role'),
                    dataIndex: 'role',
                    render: (r: string) => label('role', r),
                  },
                  { title: t('records.page'), dataIndex: 'page' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The household page's "查询与访问记录" card, for civil-affairs staff and admin only. */
export function LookupRecordsCard({ householdId }: { householdId: string }) {
  const me = useMe();
  return isStaff(me) ? <Records householdId={householdId} /> : null;
}
