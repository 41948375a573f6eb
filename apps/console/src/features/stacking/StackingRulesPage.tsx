import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { type StackingRule, stackingKeys, useStackingRules } from './api';
import { RuleFormModal } from './RuleFormModal';

const KIND_COLORS: Record<string, string> = {
  complementary: 'green',
  exclusive: 'red',
  once_per_period: 'orange',
};

/** /stacking-rules: the city-wide table of what may combine; admin edits, staff read it. */
export function StackingRulesPage() {
  const { t } = useTranslation(['stacking', 'common']);
  const { message } = App.useApp();
  const label = useLabel();
  const me = useMe();
  const canEdit = me.role === 'admin';
  const rules = useStackingRules();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<StackingRule | null | undefined>(undefined);

  const remove = useMutation({
    mutationFn: (r: StackingRule) =>
      call(api.DELETE('/api/stacking-rules/{id}', { params: { path: { id: r.id } } })),
    onSuccess: () => {
      void message.success(t('deleted'));
      void queryClient.invalidateQueries({ queryKey: stackingKeys.rules });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const scope = (r: StackingRule) => {
    if (r.category) return label('category', r.category.code);
    const [a, b] = r.resources ?? [];
    if (!a || !b) return '—';
    return a.id === b.id ? t('itself', { a: a.title }) : t('pairOf', { a: a.title, b: b.title });
  };

  return (
    <PageContainer
      title={t('title')}
      subTitle={t('subTitle')}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('add')}
          </Button>
        )
      }
    >
      <QueryState
        isLoading={rules.isLoading}
        error={rules.error}
        empty={rules.data?.length === 0}
        emptyText={t('empty')}
        onRetry={() => void rules.refetch()}
      >
        <Card size="small">
          <Table<StackingRule>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={rules.data ?? []}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('col.kind'),
                key: 'kind',
                width: 160,
                render: (_, r) => (
                  <Tag color={KIND_COLORS[r.kind]}>{label('stackingKind', r.kind)}</Tag>
                ),
              },
              { title: t('col.scope'), key: 'scope', render: (_, r) => scope(r) },
              {
                title: t('col.period'),
                key: 'period',
                width: 110,
                align: 'right',
                render: (_, r) => r.periodMonths ?? '—',
              },
              { title: t('col.note'), key: 'note', render: (_, r) => r.note ?? '—' },
              ...(canEdit
                ? [
                    {
                      title: t('col.actions'),
                      key: 'actions',
                      width: 140,
                      render: (_: unknown, r: StackingRule) => (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => setEditing(r)}>
                            {t('common:action.edit')}
                          </Button>
                          <Popconfirm
                            title={t('deleteConfirm')}
                            okText={t('common:action.delete')}
                            cancelText={t('common:action.cancel')}
                            onConfirm={() => remove.mutate(r)}
                          >
                            <Button type="link" size="small" danger>
                              {t('common:action.delete')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </QueryState>
      {editing !== undefined && (
        <RuleFormModal rule={editing} open onClose={() => setEditing(undefined)} />
      )}
    </PageContainer>
  );
}
