import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useAuth, useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { shortAgent } from './user-agent';

export function ProfilePage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const { logout } = useAuth();
  const label = useLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();

  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => call(api.GET('/api/auth/sessions')),
  });
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST('/api/auth/password', { body })),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('profile.changed'));
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields);
      else void message.error(errorText(e));
    },
  });
  const end = useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions'] }),
    onError: (e) => void message.error(errorText(e)),
  });
  const endAll = useMutation({
    mutationFn: () => call(api.POST('/api/auth/logout-all')),
    onSuccess: () => void logout().then(() => navigate('/login')),
  });

  return (
    <PageContainer title={t('profile.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('profile.account')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('profile.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('profile.displayName')}>
                {me.displayName}
              </Descriptions.Item>
              <Descriptions.Item label={t('profile.role')}>
                {label('role', me.role)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('profile.changePassword')} style={{ marginTop: 16 }}>
            <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
              <Form.Item
                name="currentPassword"
                label={t('profile.currentPassword')}
                rules={[{ required: true }]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('profile.newPassword')}
                extra={t('setPassword.rule')}
                rules={[{ required: true }, { min: 10, message: t('setPassword.rule') }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('profile.confirm')}
                dependencies={['newPassword']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_r, value) =>
                      !value || value === getFieldValue('newPassword')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('setPassword.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending}>
                {t('profile.changePassword')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('profile.sessions')}
            extra={
              <Popconfirm title={t('profile.endAllConfirm')} onConfirm={() => endAll.mutate()}>
                <Button danger>{t('profile.endAll')}</Button>
              </Popconfirm>
            }
          >
            <Table
              rowKey="id"
              size="small"
              loading={sessions.isLoading}
              dataSource={sessions.data ?? []}
              pagination={false}
              columns={[
                {
                  title: t('profile.device'),
                  dataIndex: 'userAgent',
                  // A browser's user agent is long: its product names are enough here.
                  render: (ua: string | null, s) => (
                    <>
                      {s.current && <Tag color="blue">{t('profile.thisSession')}</Tag>}
                      <Typography.Text title={ua ?? undefined}>{shortAgent(ua)}</Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('profile.address'),
                  dataIndex: 'clientAddress',
                  render: (a) => a ?? '—',
                },
                { title: t('profile.createdAt'), dataIndex: 'createdAt', render: formatTime },
                { title: t('profile.lastUsed'), dataIndex: 'lastUsedAt', render: formatTime },
                {
                  key: 'end',
                  render: (_v, s) =>
                    !s.current && (
                      <Button size="small" onClick={() => end.mutate(s.id)}>
                        {t('profile.endSession')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
