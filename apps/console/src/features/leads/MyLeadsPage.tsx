import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type LeadStatus, useMyLeads } from './api';

export const STATUS_COLOR: Record<LeadStatus, string> = {
  reported: 'orange',
  triaged: 'blue',
  linked: 'green',
  registered: 'green',
  closed: 'default',
};

/**
 * /leads/mine: what became of the families I reported: reference, date, community, outcome,
 * and the family's name masked (a reporter is told the outcome, not the family's file).
 * A list, not a table: reporters read it on a phone.
 */
export function MyLeadsPage() {
  const { t } = useTranslation('leads');
  const label = useLabel();
  const [page, setPage] = useState(1);
  const mine = useMyLeads(page);
  return (
    <PageContainer
      title={t('mine.title')}
      extra={
        <Link to="/leads/new">
          <Button type="primary">{t('mine.report')}</Button>
        </Link>
      }
    >
      <Card styles={{ body: { padding: 8 } }}>
        <QueryState
          isLoading={mine.isLoading}
          error={mine.error}
          onRetry={() => void mine.refetch()}
        >
          <List
            dataSource={mine.data?.items ?? []}
            locale={{ emptyText: t('mine.empty') }}
            pagination={
              (mine.data?.total ?? 0) > 20
                ? { current: page, pageSize: 20, total: mine.data?.total, onChange: setPage }
                : false
            }
            renderItem={(lead) => (
              <List.Item
                data-testid={`my-lead-${lead.reference}`}
                extra={
                  <Tag color={STATUS_COLOR[lead.status]}>{label('leadStatus', lead.status)}</Tag>
                }
              >
                <List.Item.Meta
                  title={`${lead.subjectNameMasked} · ${lead.communityName}`}
                  description={
                    <Space size={4} wrap>
                      <Typography.Text type="secondary">
                        {t('mine.reference')} {lead.reference}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {formatTime(lead.reportedAt)}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </QueryState>
      </Card>
    </PageContainer>
  );
}
