import {
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorText, QueryState } from '@/components/QueryState';
import { PageContainer } from '@/components/PageContainer';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { needsReason, type OwnerAction, ownerActions } from './actions';
import {
  type Resource,
  type ResourceStatus,
  useMyResources,
  useResourceHistory,
  useResourceTransition,
} from './api';

export const RESOURCE_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pending_review: 'processing',
  published: 'success',
  paused: 'warning',
  closed: 'default',
};

function History({ resource, onClose }: { resource?: Resource; onClose: () => void }) {
  const { t } = useTranslation('provider');
  const label = useLabel();
  const history = useResourceHistory(resource?.id);
  const items = history.data?.items ?? [];
  return (
    <Drawer
      open={!!resource}
      onClose={onClose}
      width={480}
      title={t('resources.historyOf', { title: resource?.title ?? '' })}
    >
      <QueryState isLoading={history.isLoading} error={history.error}>
        {items.length === 0 ? (
          <Empty />
        ) : (
          <Timeline
            items={items.map((h) => ({
              key: h.id,
              children: (
                <>
                  <Typography.Text strong>
                    {t(`resources.action.${h.action}`, { defaultValue: h.action })}
                  </Typography.Text>
                  {h.toState && (
                    <Tag style={{ marginInlineStart: 8 }} color={RESOURCE_STATUS_COLORS[h.toState]}>
                      {label('resourceStatus', h.toState)}
                    </Tag>
                  )}
                  <div>
                    <Typography.Text type="secondary">
                      {formatTime(h.at)} · {label('role', h.actorRole)}
                    </Typography.Text>
                  </div>
                  {h.reason && <div>{h.reason}</div>}
                </>
              ),
            }))}
          />
        )}
      </QueryState>
    </Drawer>
  );
}

/** The organization's resources: where each stands, its units and value; submit, pause, resume, close. */
export function ResourcesPage() {
  const { t } = useTranslation(['provider', 'common']);
  const label = useLabel();
  const { message } = App.useApp();
  const statuses = useOptions('resourceStatus');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ResourceStatus | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const resources = useMyResources(page, status, q);
  const transition = useResourceTransition();
  const [closing, setClosing] = useState<Resource | undefined>();
  const [historyOf, setHistoryOf] = useState<Resource | undefined>();
  const [closeForm] = Form.useForm<{ reason: string }>();

  const run = (r: Resource, action: OwnerAction, reason?: string) =>
    transition.mutateAsync({ id: r.id, action, reason }).then(
      () => void message.success(t(`resources.done.${action}`, { title: r.title })),
      (e: unknown) => {
        void message.error(errorText(e));
        throw e;
      },
    );

  return (
    <PageContainer
      title={t('resources.title')}
      extra={
        <>
          <Button onClick={() => void resources.refetch()}>{t('common:action.refresh')}</Button>
          <Link to="/provider/resources/new">
            <Button type="primary">{t('form.add')}</Button>
          </Link>
        </>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('resources.search')}
          placeholder={t('resources.search')}
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
        />
        <Select
          aria-label={t('resources.status')}
          placeholder={t('resources.status')}
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={statuses}
        />
      </Flex>
      <QueryState
        isLoading={resources.isLoading}
        error={resources.error}
        onRetry={() => void resources.refetch()}
      >
        <Table<Resource>
          rowKey="id"
          size="middle"
          scroll={{ x: 1200 }}
          dataSource={resources.data?.items ?? []}
          locale={{ emptyText: t('resources.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: resources.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common:pagination.total', { total }),
          }}
          columns={[
            {
              title: t('resources.col.title'),
              key: 'title',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label('category', r.categoryCode)} · {label('resourceForm', r.form)} ·{' '}
                    {r.coverageArea.name}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('resources.col.status'),
              key: 'status',
              width: 160,
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Tag color={RESOURCE_STATUS_COLORS[r.status]}>
                    {label('resourceStatus', r.status)}
                  </Tag>
                  {r.statusReason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.statusReason}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('resources.col.units'),
              key: 'units',
              width: 190,
              render: (_, r) => (
                <span data-testid={`units-${r.id}`}>
                  {t('resources.units', {
                    capacity: r.capacity,
                    reserved: r.reserved,
                    delivered: r.delivered,
                    remaining: r.remaining,
                  })}
                </span>
              ),
            },
            {
              title: t('resources.col.value'),
              key: 'value',
              width: 120,
              render: (_, r) => formatYuan(r.valuePerUnitFen),
            },
            {
              title: t('resources.col.validity'),
              key: 'validity',
              width: 200,
              render: (_, r) =>
                t('resources.validity', {
                  from: formatDate(r.validFrom),
                  until: r.validUntil ? formatDate(r.validUntil) : t('resources.noEnd'),
                }),
            },
            {
              title: t('resources.col.actions'),
              key: 'actions',
              width: 220,
              fixed: 'right',
              render: (_, r) => (
                <Space size={4} wrap>
                  {ownerActions(r.status).map((action) =>
                    needsReason(action) ? (
                      <Button
                        key={action}
                        size="small"
                        danger
                        onClick={() => {
                          closeForm.resetFields();
                          setClosing(r);
                        }}
                      >
                        {t(`resources.do.${action}`)}
                      </Button>
                    ) : (
                      <Popconfirm
                        key={action}
                        title={t(`resources.confirm.${action}`, { title: r.title })}
                        okText={t(`resources.do.${action}`)}
                        cancelText={t('common:action.cancel')}
                        onConfirm={() => run(r, action).catch(() => undefined)}
                      >
                        <Button size="small" type={action === 'pause' ? 'default' : 'primary'}>
                          {t(`resources.do.${action}`)}
                        </Button>
                      </Popconfirm>
                    ),
                  )}
                  {r.status !== 'closed' && (
                    <Link to={`/provider/resources/${r.id}/edit`}>
                      <Button size="small" type="link">
                        {t('form.edit')}
                      </Button>
                    </Link>
                  )}
                  <Button size="small" type="link" onClick={() => setHistoryOf(r)}>
                    {t('resources.history')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      <Modal
        open={!!closing}
        title={t('resources.closeTitle', { title: closing?.title ?? '' })}
        okText={t('resources.do.close')}
        okButtonProps={{ danger: true, loading: transition.isPending }}
        cancelText={t('common:action.cancel')}
        onCancel={() => setClosing(undefined)}
        onOk={() => closeForm.submit()}
      >
        <Typography.Paragraph type="warning">{t('resources.closeWarning')}</Typography.Paragraph>
        <Form
          form={closeForm}
          layout="vertical"
          onFinish={(v) =>
            run(closing!, 'close', v.reason.trim()).then(
              () => setClosing(undefined),
              () => undefined,
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('resources.closeReason')}
            rules={[
              { required: true, whitespace: true, message: t('resources.closeReasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <History resource={historyOf} onClose={() => setHistoryOf(undefined)} />
    </PageContainer>
  );
}
