import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '@/components/AppLayout';
import { errorText } from '@/components/QueryState';
import { useAuth } from '@/lib/auth';

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common', 'public']);
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(180deg,#e6f4ff 0%,#f5f5f5 60%)' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {t('common:appName')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 420, textAlign: 'center' }}>
        {t('login.welcome')}
      </Typography.Paragraph>
      <Card style={{ width: 'min(380px, 92vw)' }} title={t('login.title')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[
              { required: true, message: t('login.required', { field: t('login.username') }) },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[
              { required: true, message: t('login.required', { field: t('login.password') }) },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('public:login.publicLinks')}</Typography.Text>{' '}
        <Link to="/public/resources">{t('public:nav.resources')}</Link>
        {' · '}
        <Link to="/public/tenders">{t('public:nav.tenders')}</Link>
      </Typography.Paragraph>
    </Flex>
  );
}
