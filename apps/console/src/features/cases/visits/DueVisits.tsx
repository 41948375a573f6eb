import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatDate } from '@/lib/format';
import { useDueVisits } from './api';

/**
 * 待走访: the visits due on the caller's caseload, due first (the caseload page shows it on
 * top). Due visits follow the case's adviser, so a hand-over moves them here.
 */
export function DueVisits() {
  const { t } = useTranslation('caseVisits');
  const label = useLabel();
  const due = useDueVisits();
  const items = due.data?.items ?? [];

  return (
    <Card
      size="small"
      title={t('due.title')}
      data-testid="due-visits"
      extra={
        due.data && due.data.total > 0 ? (
          <Typography.Text type="secondary">
            {t('due.total', { total: due.data.total })}
          </Typography.Text>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    >
      <QueryState
        isLoading={due.isLoading}
        error={due.error}
        empty={items.length === 0}
        emptyText={t('due.empty')}
        onRetry={() => void due.refetch()}
      >
        <List
          size="small"
          dataSource={items}
          renderItem={(v) => (
            <List.Item
              key={v.id}
              actions={[
                <Link key="open" to={`/cases/${v.caseId}`}>
                  {t('due.open')}
                </Link>,
              ]}
            >
              <Space wrap size={[8, 4]}>
                <Typography.Text strong>
                  {t('due.household', {
                    name: v.headName ?? t('due.unnamed'),
                    community: v.communityName,
                  })}
                </Typography.Text>
                <Tag>{label('visitKind', v.kind)}</Tag>
                <Typography.Text type={v.overdue ? 'danger' : undefined}>
                  {formatDate(v.dueAt)}
                </Typography.Text>
                {v.overdue && <Tag color="red">{t('overdue')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </QueryState>
    </Card>
  );
}
