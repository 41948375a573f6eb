import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Segmented, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate } from '@/lib/format';
import { householdKeys, type HouseholdStatus, type HouseholdSummary, type Tier } from './api';

type View = 'all' | 'revisits' | 'drafts';
interface Criteria {
  q?: string;
  phone?: string;
  idNumber?: string;
}

const STATUS_COLORS: Record<string, string> = { active: 'green', exiting: 'orange', exited: '' };

/**
 * /households: the list in scope (status and tier filters, paged), a search by name, phone or
 * identity number (POST, so numbers stay out of the URL and the history), and two views the
 * workbench links to: ?view=revisits (due revisits) and ?view=drafts (own draft assessments).
 */
export function HouseholdsPage() {
  const { t } = useTranslation('households');
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Criteria & { status?: HouseholdStatus; tier?: Tier }>();
  const view = (
    ['revisits', 'drafts'].includes(params.get('view') ?? '') ? params.get('view') : 'all'
  ) as View;
  const page = Number(params.get('page') ?? 1);
  const status = (params.get('status') ?? undefined) as HouseholdStatus | undefined;
  const tier = (params.get('tier') ?? undefined) as Tier | undefined;
  // Search criteria stay in memory, never in the URL: a phone or an identity number must not
  // land in the address bar, the browser history or access logs.
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const statusOptions = useOptions('householdStatus');
  const tierOptions = useOptions('tier');

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') merged.delete(k);
      else merged.set(k, v);
    }
    setParams(merged);
  };

  const list = useQuery({
    queryKey: householdKeys.list({ view, page, status, tier }),
    enabled: !criteria,
    queryFn: () =>
      view === 'revisits'
        ? call(
            api.GET('/api/households/due-revisits', {
              params: { query: { page, limit: 20, withTotal: true } },
            }),
          )
        : call(
            api.GET('/api/households', {
              params: {
                query: {
                  page,
                  limit: 20,
                  status,
                  tier,
                  withTotal: true,
                  // Households with a draft assessment of mine (the workbench's count).
                  drafts: view === 'drafts' ? 'mine' : undefined,
                },
              },
            }),
          ),
  });
  const search = useQuery({
    queryKey: householdKeys.list({ search: criteria }),
    enabled: !!criteria,
    queryFn: () => call(api.POST('/api/households/search', { body: { ...criteria, limit: 50 } })),
  });

  const onSearch = () => {
    const { q, phone, idNumber } = form.getFieldsValue();
    const next = {
      q: q?.trim() || undefined,
      phone: phone?.trim() || undefined,
      idNumber: idNumber?.trim().toUpperCase() || undefined,
    };
    // Without any criterion the page is the plain list again.
    setCriteria(next.q || next.phone || next.idNumber ? next : null);
  };

  const columns: ColumnsType<HouseholdSummary> = [
    {
      title: t('list.head'),
      dataIndex: 'headName',
      render: (name: string, h) => <Link to={`/households/${h.id}`}>{name}</Link>,
    },
    { title: t('list.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
    { title: t('list.community'), render: (_v, h) => h.community.name },
    { title: t('list.size'), dataIndex: 'size', width: 80 },
    {
      title: t('list.tier'),
      dataIndex: 'tier',
      render: (v: string | null) => (v ? <Tag color="volcano">{label('tier', v)}</Tag> : '—'),
    },
    {
      title: t('list.circle'),
      dataIndex: 'circle',
      render: (v: number | null) => (v === null ? '—' : label('circle', String(v))),
    },
    {
      title: t('list.status'),
      dataIndex: 'status',
      render: (v: string) => <Tag color={STATUS_COLORS[v]}>{label('householdStatus', v)}</Tag>,
    },
    { title: t('list.nextRevisit'), dataIndex: 'nextRevisitAt', render: formatDate },
    {
      key: 'open',
      render: (_v, h) => <Link to={`/households/${h.id}`}>{t('common:action.view')}</Link>,
    },
  ];
  const label = useLabel();

  const searching = !!criteria;
  const rows = searching ? (search.data ?? []) : (list.data?.items ?? []);
  const active = searching ? search : list;

  return (
    <PageContainer
      title={t('list.title')}
      extra={
        <Link to="/households/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('list.register')}
          </Button>
        </Link>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={onSearch}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="q" label={t('search.name')}>
                <Input allowClear placeholder={t('search.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="phone" label={t('search.phone')}>
                <Input allowClear inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="idNumber"
                label={t('search.idNumber')}
                rules={[{ len: 18, message: t('search.idNumberLength') }]}
              >
                <Input allowClear maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label=" " colon={false}>
                <Button type="primary" htmlType="submit">
                  {t('common:action.search')}
                </Button>
                <Button
                  style={{ marginLeft: 8 }}
                  onClick={() => {
                    form.resetFields();
                    setCriteria(null);
                  }}
                >
                  {t('common:action.reset')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      <Card size="small">
        {!searching && (
          <Row gutter={[16, 8]} style={{ marginBottom: 12 }} align="middle">
            <Col>
              <Segmented<View>
                aria-label={t('views.label')}
                value={view}
                onChange={(v) => update({ view: v === 'all' ? undefined : v, page: undefined })}
                options={[
                  { value: 'all', label: t('views.all') },
                  { value: 'revisits', label: t('views.revisits') },
                  { value: 'drafts', label: t('views.drafts') },
                ]}
              />
            </Col>
            {view !== 'revisits' && (
              <>
                <Col>
                  <Select
                    aria-label={t('list.status')}
                    placeholder={t('list.status')}
                    allowClear
                    style={{ width: 140 }}
                    value={status}
                    options={statusOptions}
                    onChange={(v) => update({ status: v, page: undefined })}
                  />
                </Col>
                <Col>
                  <Select
                    aria-label={t('list.tier')}
                    placeholder={t('list.tier')}
                    allowClear
                    style={{ width: 200 }}
                    value={tier}
                    options={tierOptions}
                    onChange={(v) => update({ tier: v, page: undefined })}
                  />
                </Col>
              </>
            )}
          </Row>
        )}
        <QueryState isLoading={false} error={active.error} onRetry={() => void active.refetch()}>
          <Table
            rowKey="id"
            size="middle"
            data-testid="households-table"
            loading={active.isLoading || active.isFetching}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 900 }}
            locale={{
              emptyText: searching
                ? t('search.none')
                : view === 'drafts'
                  ? t('drafts.none')
                  : undefined,
            }}
            pagination={
              searching
                ? false
                : {
                    current: page,
                    pageSize: 20,
                    total: list.data?.total,
                    showSizeChanger: false,
                    showTotal: (total) => t('common:pagination.total', { total }),
                    onChange: (p) => update({ page: String(p) }),
                  }
            }
          />
        </QueryState>
      </Card>
    </PageContainer>
  );
}
