import { Button, Card, DatePicker, Form, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import type { HouseholdRead } from '@/features/assistance/lookup/api';
import { useUsers } from '@/features/users/api';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { type AccessLogQuery, useAccessLog } from './api';

interface Filters {
  userId?: string;
  dates?: [Dayjs, Dayjs] | null;
}

/** Reads of household records in the caller's area, newest first, by user and Beijing day. */
export function AccessLogPage() {
  const { t } = useTranslation(['accessLog', 'common']);
  const label = useLabel();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AccessLogQuery>({ page: 1, limit: 20 });
  const [userSearch, setUserSearch] = useState('');
  const users = useUsers({ q: userSearch || undefined, limit: 20 });
  const log = useAccessLog(query);

  return (
    <PageContainer title={t('title')} subTitle={t('subTitle')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Filters>
          form={form}
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v) =>
            setQuery({
              page: 1,
              limit: query.limit,
              userId: v.userId ?? undefined,
              from: v.dates?.[0]?.format('YYYY-MM-DD'),
              to: v.dates?.[1]?.format('YYYY-MM-DD'),
            })
          }
        >
          <Form.Item name="userId" label={t('filter.user')}>
            <Select
              showSearch
              allowClear
              filterOption={false}
              onSearch={setUserSearch}
              placeholder={t('filter.userPlaceholder')}
              style={{ width: 220 }}
              options={(users.data?.items ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName}（${u.username}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="dates" label={t('filter.dates')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common:action.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({ page: 1, limit: query.limit });
              }}
            >
              {t('common:action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <QueryState isLoading={log.isLoading} error={log.error} onRetry={() => void log.refetch()}>
        <Card size="small">
          <Table<HouseholdRead>
            size="small"
            rowKey="id"
            dataSource={log.data?.items ?? []}
            loading={log.isFetching}
            scroll={{ x: 720 }}
            pagination={{
              current: query.page,
              pageSize: query.limit,
              total: log.data?.total ?? 0,
              showTotal: (total) => t('common:pagination.total', { total }),
              onChange: (page, limit) => setQuery({ ...query, page, limit }),
            }}
            columns={[
              { title: t('column.at'), dataIndex: 'at', render: formatTime },
              { title: t('column.user'), dataIndex: 'userName' },
              {
                title: t('column.role'),
                dataIndex: 'role',
                render: (r: string) => label('role', r),
              },
              {
                title: t('column.household'),
                dataIndex: 'householdName',
                render: (name: string | null, r) => (
                  <Link to={`/households/${r.householdId}`}>
                    {name ?? '—'}（{r.communityName}）
                  </Link>
                ),
              },
              { title: t('column.page'), dataIndex: 'page' },
            ]}
          />
        </Card>
      </QueryState>
    </PageContainer>
  );
}
