import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileWordOutlined,
  FundOutlined,
  IssuesCloseOutlined,
  HistoryOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  TranslationOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Grid, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Role, TransitionRequestPage } from '../api/types';
import { useAuth, useUser } from '../auth/auth';
import { useI18n } from '../i18n';
import { ChangePasswordModal } from './change-password-modal';
import { DemoBanner } from './demo-data';
import { NotificationBell, useUnreadCount } from './notification-bell';
import { ROLE_COLORS } from '../lib/role-colors';
import { PageLoading } from './page-loading';

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
  badge?: number;
}

function usePendingCount(enabled: boolean, pathname: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    api.get<TransitionRequestPage>('/api/transition-requests', { status: 'pending', pageSize: 1 }, controller.signal).then(
      (page) => setCount(page.total),
      () => undefined,
    );
    return () => controller.abort();
  }, [enabled, pathname]);
  return count;
}

/** The frame of every signed-in page: navigation by role, who is signed in, 修改密码 (urged while the password is below the policy), the language switch. */
export function AppLayout() {
  const { t, language, setLanguage } = useI18n();
  const { signOut, hasRole } = useAuth();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const pending = usePendingCount(hasRole('reviewer', 'admin'), location.pathname);
  const unread = useUnreadCount();

  const all: NavItem[] = [
    { path: '/dashboard', label: t('nav.dashboard'), icon: <DashboardOutlined />, roles: ['reviewer', 'leader', 'admin'] },
    { path: '/projects', label: t('nav.projects'), icon: <UnorderedListOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/mine', label: t('nav.mine'), icon: <ProjectOutlined />, roles: ['owner'] },
    { path: '/monthly-reports', label: t('nav.monthlyReports'), icon: <CalendarOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/investment', label: t('nav.investment'), icon: <FundOutlined />, roles: ['reviewer', 'leader', 'admin'] },
    { path: '/problems', label: t('nav.problems'), icon: <IssuesCloseOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/bulletins', label: t('nav.bulletins'), icon: <FileWordOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/approvals', label: t('nav.approvals'), icon: <AuditOutlined />, roles: ['reviewer', 'admin'], badge: pending },
    { path: '/plan', label: t('nav.plan'), icon: <ApartmentOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/notifications', label: t('nav.notifications'), icon: <BellOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'], badge: unread },
    { path: '/digest-preview', label: t('nav.digest'), icon: <MailOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/audit-log', label: t('nav.auditLog'), icon: <HistoryOutlined />, roles: ['reviewer', 'leader', 'admin'] },
    { path: '/settings', label: t('nav.settings'), icon: <SettingOutlined />, roles: ['owner', 'reviewer', 'leader', 'admin'] },
    { path: '/admin', label: t('nav.admin'), icon: <TeamOutlined />, roles: ['admin'] },
    { path: '/operations', label: t('nav.operations'), icon: <ToolOutlined />, roles: ['admin'] },
  ];
  const items = all.filter((item) => item.roles.includes(user.role));

  const selected = items.find((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`))?.path;
  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={() => setDrawerOpen(false)}>
        <Space size={8}>
          {item.label}
          {item.badge ? <Badge count={item.badge} size="small" /> : null}
        </Space>
      </Link>
    ),
  }));
  const menu = <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} style={{ borderInlineEnd: 0 }} />;
  const brand = (
    <div className="brand" onClick={() => navigate('/')} role="link" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && navigate('/')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>{t('app.shortTitle')}</span>
    </div>
  );

  return (
    // The outer background is the sider's colour, so the dark column runs the page's whole height.
    <Layout style={{ minHeight: '100vh', background: '#001529' }}>
      {compact ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={240}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={208} style={{ position: 'sticky', top: 0, height: '100vh' }}>
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ background: '#f3f5f8', minWidth: 0 }}>
        <Layout.Header className="app-header">
          <Space size={12} style={{ minWidth: 0 }}>
            {compact ? <Button type="text" aria-label="menu" icon={<UnorderedListOutlined />} onClick={() => setDrawerOpen(true)} /> : null}
            <Typography.Text strong ellipsis style={{ fontSize: compact ? 14 : 16, maxWidth: compact ? 150 : 520 }}>
              {compact ? t('app.shortTitle') : t('app.title')}
            </Typography.Text>
            <DemoBanner pathname={location.pathname} />
          </Space>
          <Space size={compact ? 4 : 12} wrap={false}>
            <NotificationBell />
            <span className="whoami" data-testid="whoami">
              <UserOutlined />
              <span className="whoami-name">{user.displayName}</span>
              {!compact && user.unit ? <Typography.Text type="secondary">{user.unit.name}</Typography.Text> : null}
              {!compact ? <Tag color={ROLE_COLORS[user.role]}>{t(`role.${user.role}`)}</Tag> : null}
            </span>
            <Tooltip title={t('app.languageSwitch')}>
              <Button
                size="small"
                icon={<TranslationOutlined />}
                aria-label={t('app.languageSwitch')}
                onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
              >
                {compact ? null : t('app.language')}
              </Button>
            </Tooltip>
            <Tooltip title={compact ? t('password.change') : undefined}>
              <Button size="small" icon={<KeyOutlined />} aria-label={t('password.change')} onClick={() => setPasswordOpen(true)} data-testid="change-password">
                {compact ? null : t('password.change')}
              </Button>
            </Tooltip>
            <Button size="small" icon={<LogoutOutlined />} aria-label={t('auth.signOut')} onClick={signOut} data-testid="sign-out">
              {compact ? null : t('auth.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {user.mustChangePassword ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="must-change-password"
              message={t('password.mustChange')}
              action={
                <Button size="small" type="primary" onClick={() => setPasswordOpen(true)}>
                  {t('password.change')}
                </Button>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
