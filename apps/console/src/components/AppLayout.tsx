import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import {
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  Segmented,
  Spin,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  Navigate,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigate,
} from 'react-router-dom';
import { MENU, offered } from '@/config/menu';
import { NotificationBell } from '@/features/notifications/NotificationBell';
import { useAuth } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { type Language, setLanguage } from '@/lib/i18n';

/** The language switch: Chinese first, English complete. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(value) => setLanguage(value as Language)}
      options={[
        { value: 'zh-CN', label: t('language.zh') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}

/** Side menu by role, a header with notifications, language and the user; the page below. */
export function AppLayout() {
  const { me, logout } = useAuth();
  const { t } = useTranslation();
  const label = useLabel();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = useMemo(
    () =>
      MENU.filter((entry) => me && offered(entry, me)).map((entry) => ({
        key: entry.path,
        icon: entry.icon,
        label: <Link to={entry.path}>{t(`menu.${entry.label}`)}</Link>,
      })),
    [me, t],
  );
  // The deepest menu entry that the current path starts with stays highlighted on its sub-pages.
  const selected = useMemo(() => {
    const matches = MENU.map((e) => e.path).filter((p) =>
      p === '/' ? location.pathname === '/' : location.pathname.startsWith(p),
    );
    return matches.sort((a, b) => b.length - a.length).slice(0, 1);
  }, [location.pathname]);

  if (me === undefined) {
    return (
      <Flex align="center" justify="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }

  const narrow = !screens.md;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* On a phone the menu is a drawer opened from the header, so it never covers the page. */}
      {narrow ? (
        <Drawer
          placement="left"
          width={220}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0, background: '#001529' } }}
          closable={false}
        >
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected}
            items={items}
            onClick={() => setDrawerOpen(false)}
          />
        </Drawer>
      ) : (
        <Layout.Sider
          theme="dark"
          width={208}
          collapsible
          collapsed={collapsed}
          collapsedWidth={64}
          onCollapse={setCollapsed}
        >
          <Link to="/">
            <Flex
              align="center"
              gap={8}
              style={{ height: 56, padding: '0 20px', overflow: 'hidden' }}
            >
              <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
                {collapsed ? '一门' : t('appName')}
              </Typography.Text>
            </Flex>
          </Link>
          <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            boxShadow: '0 1px 4px rgba(0,21,41,.08)',
          }}
        >
          {narrow ? (
            <Flex align="center" gap={8}>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('menu.open')}
                onClick={() => setDrawerOpen(true)}
              />
              <Link to="/">{t('appName')}</Link>
            </Flex>
          ) : (
            <Typography.Text type="secondary" ellipsis>
              {t('appSubtitle')}
            </Typography.Text>
          )}
          <Flex align="center" gap={16}>
            <NotificationBell />
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  { key: 'profile', icon: <UserOutlined />, label: t('menu.profile') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('action.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'profile') navigate('/profile');
                  if (key === 'logout') void logout().then(() => navigate('/login'));
                },
              }}
            >
              <a onClick={(e) => e.preventDefault()} href="#user" data-testid="user-menu">
                <Flex align="center" gap={8}>
                  <Avatar size="small" icon={<UserOutlined />} />
                  {!narrow && (
                    <span>
                      {me.displayName}
                      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                        {label('role', me.role)}
                      </Typography.Text>
                    </span>
                  )}
                  <DownOutlined style={{ fontSize: 10 }} />
                </Flex>
              </a>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 8 : 24 }}>
          <Outlet />
          {/* A new page opens at its top; back and forward return to where the reader was. */}
          <ScrollRestoration />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
