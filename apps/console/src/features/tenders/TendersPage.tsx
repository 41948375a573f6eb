import { Button, Card, DatePicker, Form, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useAreasInScope } from '@/features/areas/api';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { type Tender, useTenders } from './api';
import { type TenderFilters, filterTenders } from './filter';

type FormValues = { areaId?: string; categoryCode?: string; closesBy?: Dayjs | null };

/** Tenders open for bids, for social-work organizations: by area, category and closing date. */
export function TendersPage() {
  const { t } = useTranslation(['tenders', 'common']);
  const label = useLabel();
  const categories = useOptions('category');
  const tenders = useTenders();
  const areas = useAreasInScope();
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<TenderFilters>({});
  const all = tenders.data?.items ?? [];
  const rows = filterTenders(all, filters);
  const areaName = (id: string) => areas.data?.find((a) => a.id === id)?.name ?? '—';
  // The areas offered are those tenders are actually in.
  const areaOptions = [...new Set(all.map((x) => x.areaId))].map((id) => ({
    value: id,
    label: areaName(id),
  }));

  return (
    <PageContainer title={t('title')} subTitle={t('subTitle')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="tenderSearch"
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v) =>
            setFilters({
              areaId: v.areaId ?? undefined,
              categoryCode: v.categoryCode ?? undefined,
              closesBy: v.closesBy ? v.closesBy.format('YYYY-MM-DD') : undefined,
            })
          }
        >
          <Form.Item name="areaId" label={t('search.area')}>
            <Select
              options={areaOptions}
              allowClear
              placeholder={t('search.any')}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('search.category')}>
            <Select
              options={categories}
              allowClear
              placeholder={t('search.any')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name="closesBy" label={t('search.closesBy')}>
            <DatePicker />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common:action.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common:action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <QueryState
        isLoading={tenders.isLoading}
        error={tenders.error}
        onRetry={() => void tenders.refetch()}
      >
        <Card size="small">
          <Table<Tender>
            rowKey="id"
            dataSource={rows}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('empty') }}
            pagination={{
              pageSize: 20,
              showTotal: (total) => t('common:pagination.total', { total }),
            }}
            columns={[
              {
                title: t('field.title'),
                dataIndex: 'title',
                render: (title: string, x) => <Link to={`/tenders/${x.id}`}>{title}</Link>,
              },
              {
                title: t('field.area'),
                dataIndex: 'areaId',
                width: 140,
                render: (id: string) => areaName(id),
              },
              {
                title: t('field.category'),
                dataIndex: 'categoryCode',
                width: 130,
                render: (c: string) => label('category', c),
              },
              {
                title: t('field.budget'),
                dataIndex: 'budgetFen',
                width: 150,
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('field.servicePeriod'),
                key: 'period',
                width: 210,
                render: (_v, x) => `${formatDate(x.serviceStart)} ~ ${formatDate(x.serviceEnd)}`,
              },
              {
                title: t('field.closesAt'),
                dataIndex: 'closesAt',
                width: 170,
                render: (iso: string | null) => formatTime(iso),
              },
              {
                title: t('field.actions'),
                key: 'actions',
                width: 80,
                render: (_v, x) => <Link to={`/tenders/${x.id}`}>{t('common:action.view')}</Link>,
              },
            ]}
          />
        </Card>
      </QueryState>
    </PageContainer>
  );
}
