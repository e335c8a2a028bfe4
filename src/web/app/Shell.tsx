// The shell (lazy, behind SessionGate): side navigation, header with breadcrumb, instance switcher,
// language switch, theme toggle and user menu. Pages render in the content area.
import { Button, Dropdown, Flex, Layout, Menu, Select, Tooltip, theme } from 'antd';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Bone } from '../components/ui';
import type { MenuProps } from 'antd';
import AppstoreOutlined from '@ant-design/icons/es/icons/AppstoreOutlined';
import BookOutlined from '@ant-design/icons/es/icons/BookOutlined';
import ApiOutlined from '@ant-design/icons/es/icons/ApiOutlined';
import ApartmentOutlined from '@ant-design/icons/es/icons/ApartmentOutlined';
import BlockOutlined from '@ant-design/icons/es/icons/BlockOutlined';
import ClusterOutlined from '@ant-design/icons/es/icons/ClusterOutlined';
import DashboardOutlined from '@ant-design/icons/es/icons/DashboardOutlined';
import LogoutOutlined from '@ant-design/icons/es/icons/LogoutOutlined';
import MenuFoldOutlined from '@ant-design/icons/es/icons/MenuFoldOutlined';
import MenuUnfoldOutlined from '@ant-design/icons/es/icons/MenuUnfoldOutlined';
import MoonOutlined from '@ant-design/icons/es/icons/MoonOutlined';
import SunOutlined from '@ant-design/icons/es/icons/SunOutlined';
import UserOutlined from '@ant-design/icons/es/icons/UserOutlined';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { instanceListQuery } from '../api/instances';
import { logout, sessionQuery } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { getLastInstance, setLastInstance } from './lastInstance';
import { themeStore } from './prefs';

const AREAS = ['overview', 'apps', 'dictionaries', 'products', 'devices', 'device-groups'] as const;
type Area = (typeof AREAS)[number];

function ShellSkeleton() {
  return (
    <div style={{ padding: 24, display: 'grid', gap: 16 }} aria-busy="true" data-testid="shell-skeleton">
      <Bone height={32} width="40%" />
      {Array.from({ length: 8 }, (_, i) => (
        <Bone key={i} />
      ))}
    </div>
  );
}

/** Rendered by SessionGate once the session is known (or failed to load). */
export default function Shell() {
  const session = useQuery(sessionQuery);
  if (session.isError) {
    return (
      <div style={{ maxWidth: 640, margin: '15vh auto' }}>
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  return <ShellLayout user={session.data?.user} projectId={session.data?.projectId} />;
}

function ShellLayout({ user, projectId }: { user?: string; projectId?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const mode = useSyncExternalStore(themeStore.subscribe, themeStore.get);
  const [collapsed, setCollapsed] = useState(false);

  const match = useMatch('/i/:instanceId/*');
  const instanceId = match?.params.instanceId;
  const areaSeg = match?.params['*']?.split('/')[0];
  const area: Area | undefined = (AREAS as readonly string[]).includes(areaSeg ?? '') ? (areaSeg as Area) : undefined;
  const menuInstance = instanceId ?? getLastInstance();

  useEffect(() => {
    if (instanceId) setLastInstance(instanceId);
  }, [instanceId]);

  const instances = useQuery(instanceListQuery());
  const current = instances.data?.items.find((i) => i.id === instanceId);

  const selectedKey = instanceId && area ? area : location.pathname.startsWith('/instances') ? 'instances' : '';
  const instancePath = (a: Area) => (menuInstance ? `/i/${encodeURIComponent(menuInstance)}/${a}` : '/instances');
  const menuItems: MenuProps['items'] = [
    { key: 'instances', icon: <ClusterOutlined />, label: <Link to="/instances" data-testid="nav-instances">{t('nav.instances')}</Link> },
    {
      type: 'group',
      key: 'instance-group',
      label: collapsed ? null : t('nav.instanceGroup'),
      children: [
        { key: 'overview', icon: <DashboardOutlined />, label: <Link to={instancePath('overview')} data-testid="nav-overview">{t('nav.overview')}</Link> },
        { key: 'apps', icon: <AppstoreOutlined />, label: <Link to={instancePath('apps')} data-testid="nav-apps">{t('nav.apps')}</Link> },
        { key: 'dictionaries', icon: <BookOutlined />, label: <Link to={instancePath('dictionaries')} data-testid="nav-dictionaries">{t('nav.dictionaries')}</Link> },
        { key: 'products', icon: <BlockOutlined />, label: <Link to={instancePath('products')} data-testid="nav-products">{t('nav.products')}</Link> },
        { key: 'devices', icon: <ApiOutlined />, label: <Link to={instancePath('devices')} data-testid="nav-devices">{t('nav.devices')}</Link> },
        { key: 'device-groups', icon: <ApartmentOutlined />, label: <Link to={instancePath('device-groups')} data-testid="nav-device-groups">{t('nav.device-groups')}</Link> },
      ],
    },
  ];

  const crumbs = [
    { key: 'home', title: <Link to="/">{t('app.name')}</Link> },
    ...(location.pathname.startsWith('/instances') || instanceId
      ? [{ key: 'instances', title: <Link to="/instances">{t('nav.instances')}</Link> }]
      : []),
    ...(instanceId
      ? [{ key: 'instance', title: <Link to={`/i/${encodeURIComponent(instanceId)}/overview`}>{current?.name ?? instanceId}</Link> }]
      : []),
    ...(instanceId && area
      ? [{ key: 'area', title: <span>{t(`nav.${area}`)}</span> }]
      : []),
  ];

  const switchInstance = (next: string) => {
    // keep the area, drop the old instance's list state
    void navigate(`/i/${encodeURIComponent(next)}/${area ?? 'overview'}`);
  };

  const doLogout = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, { authenticated: false });
      void navigate('/login?reason=loggedout', { replace: true });
    }
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'project', disabled: true, label: <span data-testid="user-project">{t('header.project', { project: projectId ?? '' })}</span> },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span> },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') void doLogout();
    },
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={220}
        theme="light"
        style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, height: 56, padding: '0 20px', color: token.colorText }}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {collapsed ? null : <span style={{ fontSize: 16, fontWeight: 600 }}>{t('app.name')}</span>}
        </Link>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey]}
          items={menuItems}
          style={{ borderInlineEnd: 0 }}
          data-testid="side-nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 16px',
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
          }}
        >
          <Button
            type="text"
            aria-label={collapsed ? t('header.expand') : t('header.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
          />
          <nav aria-label="breadcrumb" data-testid="breadcrumb" style={{ flex: 1, minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', lineHeight: '22px' }}>
            {crumbs.map((c, i) => (
              <Fragment key={c.key}>
                {i > 0 ? <span style={{ margin: '0 8px', color: token.colorTextQuaternary }}>/</span> : null}
                <span style={{ color: i === crumbs.length - 1 ? token.colorText : token.colorTextSecondary }}>{c.title}</span>
              </Fragment>
            ))}
          </nav>
          <Flex align="center" gap={12}>
            <Select
              data-testid="instance-switcher"
              aria-label={t('header.instanceSwitcher')}
              placeholder={t('header.instancePlaceholder')}
              style={{ width: 220 }}
              loading={instances.isPending}
              value={instanceId}
              onChange={switchInstance}
              options={(instances.data?.items ?? []).map((i) => ({ value: i.id, label: i.name, title: i.name }))}
              popupMatchSelectWidth={false}
            />
            <LanguageSwitch testId="lang-switch" />
            <Tooltip title={mode === 'dark' ? t('header.themeToLight') : t('header.themeToDark')}>
              <Button
                type="text"
                data-testid="theme-toggle"
                data-theme={mode}
                aria-label={mode === 'dark' ? t('header.themeToLight') : t('header.themeToDark')}
                icon={mode === 'dark' ? <SunOutlined /> : <MoonOutlined />}
                onClick={() => themeStore.set(mode === 'dark' ? 'light' : 'dark')}
              />
            </Tooltip>
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={t('header.userMenu')}>
                {user}
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<ShellSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
