import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '@/components/AppLayout';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useAuth } from '@/lib/auth';

/**
 * The forced password change: a new account (or one reset by an administrator) has no
 * password until its owner sets one with the one-time token from the link they were given;
 * then they are logged in with it.
 */
export function SetPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const username = params.get('username') ?? '';
  const { login, me, logout } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call(
        api.POST('/api/auth/set-password', { body: { token, password: values.password } }),
      );
      if (me) await logout();
      await login(values.username.trim(), values.password);
      navigate('/', { replace: true });
    } catch (e) {
      const fields = formFieldErrors(e).map((f) =>
        f.name[0] === 'password' ? f : { ...f, name: ['password'] },
      );
      // A weak password is a rule of the API (strength, not only length): its message goes
      // beside the field like a validation message.
      if (e instanceof ApiError && e.code === 'WEAK_PASSWORD')
        fields.push({ name: ['password'], errors: [e.message] });
      if (fields.length) form.setFields(fields);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f5f5f5' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={2}>{t('common:appName')}</Typography.Title>
      <Card style={{ width: 'min(420px, 92vw)' }} title={t('setPassword.title')}>
        <Typography.Paragraph type="secondary">{t('setPassword.intro')}</Typography.Paragraph>
        {!token && <Alert type="warning" showIcon message={t('setPassword.tokenMissing')} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ username }}
          disabled={!token}
        >
          <Form.Item name="username" label={t('setPassword.username')} rules={[{ required: true }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('setPassword.password')}
            extra={t('setPassword.rule')}
            rules={[{ required: true }, { min: 10, message: t('setPassword.rule') }]}
          >
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('setPassword.confirm')}
            dependencies={['password']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('setPassword.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('setPassword.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
