import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useMe } from '@/lib/auth';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import {
  type AssistanceEntry,
  type EntryQuery,
  assistanceKeys,
  useAssistanceEntries,
  useCategories,
  voidEntry,
} from './api';
import { amountText, periodText } from './amounts';

/** Who may void: the recording organization (its list holds only its own) and civil-affairs staff. */
const VOIDERS = ['admin', 'civil_affairs', 'provider'];

/**
 * /assistance: the ledger's entries — a provider's users see what their organization granted,
 * staff those of the households in their area (with whose they are) — with the void action.
 */
export function AssistanceEntriesPage() {
  const { t } = useTranslation('assistance');
  const label = useLabel();
  const me = useMe();
  const staff = me.role !== 'provider';
  const navigate = useNavigate();
  const [query, setQuery] = useState<EntryQuery>({ page: 1, limit: 20 });
  const entries = useAssistanceEntries(query);
  const categories = useCategories();
  const sources = useOptions('assistanceSource');
  const [voiding, setVoiding] = useState<AssistanceEntry | null>(null);
  const page = entries.data;

  return (
    <PageContainer
      title={t('list.title')}
      extra={
        <Button type="primary" onClick={() => void navigate('/assistance/record')}>
          {t('list.record')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('list.allCategories')}
          style={{ width: 180 }}
          options={(categories.data ?? []).map((c) => ({
            value: c.code,
            label: label('category', c.code),
          }))}
          onChange={(categoryCode?: string) => setQuery((q) => ({ ...q, categoryCode, page: 1 }))}
        />
        <Select
          allowClear
          placeholder={t('list.allSources')}
          style={{ width: 160 }}
          options={sources}
          onChange={(source?: EntryQuery['source']) => setQuery((q) => ({ ...q, source, page: 1 }))}
        />
      </Flex>
      <QueryState isLoading={false} error={entries.error}>
        <Table<AssistanceEntry>
          rowKey="id"
          size="small"
          loading={entries.isLoading}
          dataSource={page?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{
            current: query.page,
            pageSize: query.limit,
            total: page?.total ?? 0,
            onChange: (p, limit) => setQuery((q) => ({ ...q, page: p, limit })),
          }}
          columns={[
            ...(staff
              ? [
                  {
                    title: t('list.household'),
                    key: 'household',
                    render: (_v: unknown, r: AssistanceEntry) => (
                      <Link to={`/households/${r.householdId}`}>
                        {r.headName ?? '—'} · {r.communityName}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              title: t('history.source'),
              dataIndex: 'source',
              render: (s: string) => label('assistanceSource', s),
            },
            { title: t('history.grantedBy'), dataIndex: 'grantedBy' },
            {
              title: t('history.category'),
              dataIndex: 'categoryCode',
              render: (c: string) => label('category', c),
            },
            {
              title: t('history.title_'),
              dataIndex: 'title',
              render: (v: string, r) =>
                r.status === 'voided' ? <Typography.Text delete>{v}</Typography.Text> : v,
            },
            {
              title: t('history.form'),
              dataIndex: 'form',
              render: (f: string) => label('resourceForm', f),
            },
            {
              title: t('history.amount'),
              key: 'amount',
              align: 'right',
              render: (_v, r) => amountText(r, t),
            },
            { title: t('history.period'), key: 'period', render: (_v, r) => periodText(r, t) },
            {
              title: t('history.state'),
              dataIndex: 'status',
              render: (s: string, r) => (
                <Tag color={s === 'active' ? 'green' : undefined} title={r.voidReason ?? undefined}>
                  {label('assistanceEntryStatus', s)}
                </Tag>
              ),
            },
            {
              title: t('history.recordedBy'),
              key: 'recorded',
              render: (_v, r) => `${r.recordedByName ?? '—'} · ${formatTime(r.createdAt)}`,
            },
            {
              key: 'actions',
              render: (_v, r) =>
                VOIDERS.includes(me.role) &&
                r.status === 'active' &&
                r.source !== 'referral' && (
                  <Button size="small" danger onClick={() => setVoiding(r)}>
                    {t('list.void')}
                  </Button>
                ),
            },
          ]}
        />
      </QueryState>
      {voiding && <VoidModal entry={voiding} onClose={() => setVoiding(null)} />}
    </PageContainer>
  );
}

function VoidModal({ entry, onClose }: { entry: AssistanceEntry; onClose: () => void }) {
  const { t } = useTranslation('assistance');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const run = useMutation({
    mutationFn: (reason: string) => voidEntry(entry.id, reason),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assistanceKeys.all });
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  return (
    <Modal
      open
      title={`${t('list.voidTitle')}：${entry.title}`}
      okText={t('list.void')}
      okButtonProps={{ danger: true, loading: run.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('list.voidReason')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
