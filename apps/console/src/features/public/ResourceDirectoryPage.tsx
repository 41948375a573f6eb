import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Cascader,
  Col,
  Descriptions,
  Flex,
  Form,
  Pagination,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate, formatYuan } from '@/lib/format';
import { type PublicArea, usePublicAreas, useServices } from './api';
import { asService, categoryOf, type HsdsService } from './hsds';

const LIMIT = 12;

interface AreaOption {
  value: string;
  label: string;
  children?: AreaOption[];
}

/** District › street › community, from the public area lists. */
function useAreaTree(): { options: AreaOption[]; pathTo: (id: string) => string[] } {
  const districtPage = usePublicAreas('district').data;
  const streetPage = usePublicAreas('street').data;
  const communityPage = usePublicAreas('community').data;
  return useMemo(() => {
    const districts = districtPage?.items ?? [];
    const streets = streetPage?.items ?? [];
    const communities = communityPage?.items ?? [];
    const all: PublicArea[] = [...districts, ...streets, ...communities];
    const byParent = (parentId: string | null | undefined) =>
      all.filter((a) => a.parentId === parentId);
    const node = (a: PublicArea, depth: number): AreaOption => {
      const kids = depth < 2 ? byParent(a.id).map((c) => node(c, depth + 1)) : [];
      return { value: a.id, label: a.name, ...(kids.length > 0 ? { children: kids } : {}) };
    };
    const parents = new Map(all.map((a) => [a.id, a.parentId]));
    const pathTo = (id: string) => {
      const path: string[] = [];
      // Cities are not loaded: the walk stops at the district, where the tree starts.
      for (let at: string | null | undefined = id; at && parents.has(at); at = parents.get(at))
        path.unshift(at);
      return path;
    };
    return { options: districts.map((d) => node(d, 0)), pathTo };
  }, [districtPage, streetPage, communityPage]);
}

function ServiceCard({ service }: { service: HsdsService }) {
  const { t } = useTranslation('public');
  const label = useLabel();
  const category = categoryOf(service);
  const schedule = service.schedules?.[0];
  const value = service.cost_options?.[0]?.amount;
  const phone = service.phones?.[0]?.number;
  return (
    <Card
      title={service.name}
      extra={category && <Tag color="blue">{label('category', category.code)}</Tag>}
      style={{ height: '100%' }}
      data-testid="resource-card"
    >
      {service.description && service.description !== service.name && (
        <Typography.Paragraph ellipsis={{ rows: 2 }}>{service.description}</Typography.Paragraph>
      )}
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('resources.provider')}>
          {service.organization?.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('resources.coverage')}>
          <EnvironmentOutlined style={{ marginRight: 4 }} />
          {service.service_areas?.map((a) => a.name).join('、') || '—'}
        </Descriptions.Item>
        {service.eligibility_description && (
          <Descriptions.Item label={t('resources.eligibility')}>
            {service.eligibility_description}
          </Descriptions.Item>
        )}
        {value !== undefined && (
          <Descriptions.Item label={t('resources.value')}>
            {formatYuan(Math.round(value * 100))}
          </Descriptions.Item>
        )}
        {schedule?.valid_from && (
          <Descriptions.Item label={t('resources.validity')}>
            {schedule.valid_to
              ? t('resources.validRange', {
                  from: formatDate(schedule.valid_from),
                  to: formatDate(schedule.valid_to),
                })
              : t('resources.validFrom', { from: formatDate(schedule.valid_from) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('resources.contact')}>
          {phone ? (
            <a href={`tel:${phone}`}>
              <PhoneOutlined style={{ marginRight: 4 }} />
              {phone}
            </a>
          ) : (
            t('resources.noContact')
          )}
        </Descriptions.Item>
        {service.application_process && (
          <Descriptions.Item label={t('resources.howToApply')}>
            {service.application_process}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The public directory of published resources (the HSDS export), by area and category. */
export function ResourceDirectoryPage() {
  const { t } = useTranslation('public');
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const category = params.get('category') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const categories = useOptions('category');
  const tree = useAreaTree();
  const services = useServices({ area, category, page, limit: LIMIT });
  const data = services.data;

  const update = (next: { area?: string; category?: string; page?: number }) => {
    const merged = { area, category, page: undefined as number | undefined, ...next };
    const search = new URLSearchParams();
    if (merged.area) search.set('area', merged.area);
    if (merged.category) search.set('category', merged.category);
    if (merged.page && merged.page > 1) search.set('page', String(merged.page));
    setParams(search);
  };

  return (
    <PageContainer title={t('resources.title')} subTitle={t('resources.subTitle')}>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('resources.area')} htmlFor="public-area">
            <Cascader
              id="public-area"
              style={{ width: 'min(280px, calc(100vw - 150px))' }}
              options={tree.options}
              changeOnSelect
              showSearch
              allowClear
              placeholder={t('resources.areaPlaceholder')}
              value={area ? tree.pathTo(area) : undefined}
              onChange={(path) => update({ area: path?.at(-1) as string | undefined })}
            />
          </Form.Item>
          <Form.Item label={t('resources.category')} htmlFor="public-category">
            <Select
              id="public-category"
              style={{ width: 'min(200px, calc(100vw - 150px))' }}
              allowClear
              placeholder={t('resources.categoryPlaceholder')}
              options={categories}
              value={category}
              onChange={(value?: string) => update({ category: value })}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => setParams(new URLSearchParams())}>{t('resources.reset')}</Button>
          </Form.Item>
        </Form>
      </Card>
      <QueryState
        isLoading={services.isLoading}
        error={services.error}
        empty={data?.empty}
        emptyText={t('resources.empty')}
        onRetry={() => void services.refetch()}
      >
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
          <Typography.Text type="secondary">
            {t('resources.total', { count: data?.total_items ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('resources.askCommunity')}</Typography.Text>
        </Flex>
        <Row gutter={[16, 16]}>
          {data?.contents.map((raw) => {
            const service = asService(raw);
            return (
              <Col key={service.id} xs={24} md={12} xl={8}>
                <ServiceCard service={service} />
              </Col>
            );
          })}
        </Row>
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination
            current={page}
            pageSize={LIMIT}
            total={data?.total_items ?? 0}
            showSizeChanger={false}
            hideOnSinglePage
            onChange={(p) => update({ page: p })}
          />
        </Flex>
      </QueryState>
    </PageContainer>
  );
}
