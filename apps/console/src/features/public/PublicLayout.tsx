import { Flex, Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '@/components/AppLayout';

/** The pages anyone may open: a top bar with the two public sections, language and sign-in. */
export function PublicLayout() {
  const { t } = useTranslation(['public', 'common']);
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/public/tenders') ? '/public/tenders' : '/public/resources';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
        }}
      >
        <Link to="/public/resources">
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('common:appName')}
          </Typography.Text>
        </Link>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
          items={[
            {
              key: '/public/resources',
              label: <Link to="/public/resources">{t('nav.resources')}</Link>,
            },
            { key: '/public/tenders', label: <Link to="/public/tenders">{t('nav.tenders')}</Link> },
          ]}
        />
        <Flex gap={12} align="center">
          <LanguageSwitch />
          <Link to="/login">{t('nav.login')}</Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
