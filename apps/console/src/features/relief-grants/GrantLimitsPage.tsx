import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel } from '@/lib/dictionaries';
import { formatYuan, yuanToFen } from '@/lib/format';

type Limit = components['schemas']['GrantLimitDto'];

/**
 * /relief-grants/limits (审批额度): each area in scope with its officers' delegated limit (its
 * own, or its level's default), changed by staff of an area above or an administrator
 * (PUT /api/relief-grant-limits/{areaId}; the API decides who may, `canEdit` says so).
 */
export function GrantLimitsPage() {
  const { t } = useTranslation('reliefGrants');
  const label = useLabel();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Limit | null>(null);
  const limits = useQuery({
    queryKey: ['relief-grants', 'limits', page] as const,
    queryFn: () =>
      call(api.GET('/api/relief-grant-limits', { params: { query: { page, limit: 50 } } })),
  });
  return (
    <PageContainer title={t('limits.title')}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('limits.help')}
      </Typography.Paragraph>
      <QueryState isLoading={false} error={limits.error}>
        <Table<Limit>
          rowKey="areaId"
          size="small"
          loading={limits.isLoading}
          dataSource={limits.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 50,
            total: limits.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('limits.area'), dataIndex: 'areaName' },
            {
              title: t('limits.level'),
              dataIndex: 'level',
              render: (level: string) => label('areaLevel', level),
            },
            {
              title: t('limits.max'),
              align: 'right',
              render: (_v, l) => (
                <span data-testid={`limit-${l.areaName}`}>
                  {l.maxFen === null ? t('limits.unlimited') : formatYuan(l.maxFen)}
                </span>
              ),
            },
            {
              title: '',
              render: (_v, l) => (
                <>
                  <Tag>{l.isDefault ? t('limits.byDefault') : t('limits.own')}</Tag>
                  {l.canEdit && (
                    <Button size="small" type="link" onClick={() => setEditing(l)}>
                      {t('limits.edit')}
                    </Button>
                  )}
                </>
              ),
            },
          ]}
        />
      </QueryState>
      {editing && <EditLimit limit={editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}

function EditLimit({ limit, onClose }: { limit: Limit; onClose: () => void }) {
  const { t } = useTranslation('reliefGrants');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ maxYuan: number | null }>();
  const save = useMutation({
    mutationFn: (v: { maxYuan: number | null }) =>
      call(
        api.PUT('/api/relief-grant-limits/{areaId}', {
          params: { path: { areaId: limit.areaId } },
          body: { maxFen: typeof v.maxYuan === 'number' ? yuanToFen(v.maxYuan) : null },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['relief-grants', 'limits'] });
      void message.success(t('limits.saved'));
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({ ...f, name: ['maxYuan'] }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  return (
    <Modal
      open
      title={t('limits.editTitle', { area: limit.areaName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ maxYuan: limit.maxFen === null ? null : limit.maxFen / 100 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="maxYuan" label={t('limits.maxYuan')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
