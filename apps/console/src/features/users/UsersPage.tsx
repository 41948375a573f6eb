import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Grid, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { useAreaName } from '@/features/areas/AreaSelect';
import { useProviderChoices } from '@/features/organizations/api';
import { api, call } from '@/lib/api';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate, formatTime } from '@/lib/format';
import { type User, type UserQuery, userKeys, useUsers } from './api';
import { type IssuedLink, PasswordLinkModal } from './PasswordLinkModal';
import { UserFormModal } from './UserFormModal';
import { ContractedWorkerModal } from './ContractedWorkerModal';
import { useMe } from '@/lib/auth';

interface Filters {
  q?: string;
  role?: UserQuery['role'];
  active?: 'true' | 'false';
}

function StatusTags({ user }: { user: User }) {
  const { t } = useTranslation('users');
  return (
    <Space size={4} wrap>
      {user.active ? (
        <Tag color="green">{t('status.active')}</Tag>
      ) : (
        <Tag>{t('status.inactive')}</Tag>
      )}
      {!user.hasPassword && <Tag color="orange">{t('status.noPassword')}</Tag>}
      {user.contractId && <Tag color="blue">{t('worker.tag')}</Tag>}
      {user.accessUntil && (
        // The last day with access: the instant access ends is the next day's midnight.
        <Tag>
          {t('worker.until', {
            time: formatDate(new Date(Date.parse(user.accessUntil) - 1).toISOString()),
          })}
        </Tag>
      )}
    </Space>
  );
}

/** The accounts the caller may manage: search, create (with its set-password link), edit, etc. */
export function UsersPage() {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const label = useLabel();
  // Fixed columns would fill a phone's width: they stay fixed on wider screens only.
  const wide = !!Grid.useBreakpoint().md;
  const roles = useOptions('role');
  const areaName = useAreaName();
  const providers = useProviderChoices();
  const queryClient = useQueryClient();
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [workerOpen, setWorkerOpen] = useState(false);
  const me = useMe();
  // An organization admin also opens contracted social workers' accounts (the API checks).
  const orgAdmin = me.role === 'provider' && me.isOrgAdmin;

  const query: UserQuery = {
    page,
    limit: pageSize,
    q: filters.q?.trim() || undefined,
    role: filters.role,
    active: filters.active === undefined ? undefined : filters.active === 'true',
  };
  const users = useUsers(query);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: userKeys.all });
  const onError = (e: unknown) => void message.error(errorText(e));
  const path = (id: string) => ({ params: { path: { id } } });
  const deactivate = useMutation({
    mutationFn: (u: User) => call(api.POST('/api/users/{id}/deactivate', path(u.id))),
    onSuccess: () => {
      void message.success(t('deactivated'));
      refresh();
    },
    onError,
  });
  const reactivate = useMutation({
    mutationFn: (u: User) => call(api.POST('/api/users/{id}/reactivate', path(u.id))),
    onSuccess: () => {
      void message.success(t('reactivated'));
      refresh();
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: async (u: User) => ({
      user: u,
      answer: await call(api.POST('/api/users/{id}/reset-password', path(u.id))),
    }),
    onSuccess: ({ user, answer }) => {
      refresh();
      setIssued({
        kind: 'reset',
        username: user.username,
        displayName: user.displayName,
        token: answer.setPasswordToken,
        expiresAt: answer.expiresAt,
      });
    },
    onError,
  });

  return (
    <PageContainer
      title={t('title')}
      subTitle={t('subTitle')}
      extra={
        <Space>
          {orgAdmin && (
            <Button icon={<PlusOutlined />} onClick={() => setWorkerOpen(true)}>
              {t('worker.create')}
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('create')}
          </Button>
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={filterForm}
          name="userSearch"
          layout="inline"
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
            // Searching again with the same filters should show fresh rows, not the cache.
            refresh();
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="q" label={t('search.q')}>
            <Input placeholder={t('search.qPlaceholder')} allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="role" label={t('search.role')}>
            <Select
              options={roles}
              allowClear
              placeholder={t('search.any')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name="active" label={t('search.active')}>
            <Select
              allowClear
              placeholder={t('search.any')}
              style={{ width: 120 }}
              options={[
                { value: 'true', label: t('status.active') },
                { value: 'false', label: t('status.inactive') },
              ]}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common:action.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common:action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <QueryState
        isLoading={users.isLoading}
        error={users.error}
        onRetry={() => void users.refetch()}
      >
        <Card size="small">
          <Table<User>
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common:pagination.total', { total }),
              onChange: (p, size) => {
                setPage(p);
                setPageSize(size);
              },
            }}
            columns={[
              {
                title: t('field.username'),
                dataIndex: 'username',
                fixed: wide ? 'left' : undefined,
                width: 200,
              },
              { title: t('field.displayName'), dataIndex: 'displayName' },
              {
                title: t('field.role'),
                dataIndex: 'role',
                render: (role: User['role'], u) => (
                  <>
                    {label('role', role)}
                    {u.evaluatorType && ` · ${label('evaluatorType', u.evaluatorType)}`}
                    {u.isOrgAdmin && ` · ${t('field.orgAdminShort')}`}
                  </>
                ),
              },
              {
                title: `${t('field.area')} / ${t('field.provider')}`,
                key: 'place',
                render: (_v, u) =>
                  u.contractId
                    ? `${areaName(u.areaId)} · ${providers.name(u.providerId!)}`
                    : u.providerId
                      ? providers.name(u.providerId)
                      : areaName(u.areaId),
              },
              { title: t('field.phone'), dataIndex: 'phone', render: (p) => p ?? '—' },
              {
                title: t('field.status'),
                key: 'status',
                render: (_v, u) => <StatusTags user={u} />,
              },
              { title: t('field.createdAt'), dataIndex: 'createdAt', render: formatTime },
              {
                title: t('field.actions'),
                key: 'actions',
                fixed: wide ? 'right' : undefined,
                width: 260,
                render: (_v, u) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(u)}>
                      {t('common:action.edit')}
                    </Button>
                    <Popconfirm
                      title={t('confirm.resetPassword', { name: u.displayName })}
                      onConfirm={() => reset.mutateAsync(u).catch(() => undefined)}
                    >
                      <Button type="link" size="small">
                        {t('action.resetPassword')}
                      </Button>
                    </Popconfirm>
                    {u.active ? (
                      <Popconfirm
                        title={t('confirm.deactivate', { name: u.displayName })}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => deactivate.mutateAsync(u).catch(() => undefined)}
                      >
                        <Button type="link" size="small" danger>
                          {t('action.deactivate')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Popconfirm
                        title={t('confirm.reactivate', { name: u.displayName })}
                        onConfirm={() => reactivate.mutateAsync(u).catch(() => undefined)}
                      >
                        <Button type="link" size="small">
                          {t('action.reactivate')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </QueryState>
      <UserFormModal editing={editing} onClose={() => setEditing(undefined)} onIssued={setIssued} />
      <ContractedWorkerModal
        open={workerOpen}
        onClose={() => setWorkerOpen(false)}
        onIssued={setIssued}
      />
      <PasswordLinkModal issued={issued} onClose={() => setIssued(null)} />
    </PageContainer>
  );
}
