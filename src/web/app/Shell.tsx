// The shell (lazy, behind SessionGate): side navigation (a drawer under 768 px), header with
// breadcrumb, instance switcher, language switch, theme toggle and user menu (with the theme
// choice, including "follow the system"). Pages render in the content area.
import { Button, Flex, Layout, Select, Tooltip } from 'antd';
import { useToken } from '../components/themeToken';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Bone } from '../components/ui';
import MenuFoldOutlined from '@ant-design/icons/es/icons/MenuFoldOutlined';
import MenuUnfoldOutlined from '@ant-design/icons/es/icons/MenuUnfoldOutlined';
import MoonOutlined from '@ant-design/icons/es/icons/MoonOutlined';
import SunOutlined from '@ant-design/icons/es/icons/SunOutlined';
import { useQuery } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { instanceListQuery } from '../api/instances';
import { sessionQuery } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { getLastInstance, setLastInstance } from './lastInstance';
import { NAV_ITEMS } from './nav';
import { themeStore } from './prefs';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';
import { NARROW_QUERY, useMediaQuery } from './useMediaQuery';

// only narrow windows use the drawer: a wide one never downloads it
const Drawer = lazy(() => import('antd/es/drawer'));

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
  const { token } = useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const mode = useSyncExternalStore(themeStore.subscribe, themeStore.get);
  const narrow = useMediaQuery(NARROW_QUERY);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const match = useMatch('/i/:instanceId/*');
  const instanceId = match?.params.instanceId;
  const areaSeg = match?.params['*']?.split('/')[0];
  const area = NAV_ITEMS.find((i) => i.scope === 'instance' && i.path === areaSeg);
  const globalItem = NAV_ITEMS.find((i) => i.scope === 'global' && (location.pathname === i.path || location.pathname.startsWith(`${i.path}/`)));
  const menuInstance = instanceId ?? getLastInstance();

  // the drawer closes when the page changes (a menu pick, the back button…)
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  useEffect(() => {
    if (instanceId) setLastInstance(instanceId);
  }, [instanceId]);

  const instances = useQuery(instanceListQuery());
  const current = instances.data?.items.find((i) => i.id === instanceId);

  const selectedKey = instanceId && area ? area.key : (globalItem?.key ?? '');

  const crumbs = [
    { key: 'home', title: <Link to="/">{t('app.name')}</Link> },
    ...(globalItem && globalItem.key !== 'instances' ? [{ key: globalItem.key, title: <span>{globalItem.label}</span> }] : []),
    ...(location.pathname.startsWith('/instances') || instanceId
      ? [{ key: 'instances', title: <Link to="/instances">{t('nav.instances')}</Link> }]
      : []),
    ...(instanceId
      ? [{ key: 'instance', title: <Link to={`/i/${encodeURIComponent(instanceId)}/overview`}>{current?.name ?? instanceId}</Link> }]
      : []),
    ...(instanceId && area ? [{ key: 'area', title: <span>{area.label}</span> }] : []),
  ];

  const switchInstance = (next: string) => {
    // keep the area, drop the old instance's list state
    void navigate(`/i/${encodeURIComponent(next)}/${area?.path ?? 'overview'}`);
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      {narrow ? (
        <Suspense fallback={null}>
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            width={260}
            title={<Brand collapsed={false} />}
            styles={{ body: { padding: 0 } }}
            data-testid="nav-drawer"
          >
            <SideNav instanceId={menuInstance} selectedKey={selectedKey} collapsed={false} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        </Suspense>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={220}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Brand collapsed={collapsed} />
          <SideNav instanceId={menuInstance} selectedKey={selectedKey} collapsed={collapsed} />
        </Layout.Sider>
      )}
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
          {narrow ? (
            <Button type="text" aria-label={t('header.openNav')} aria-expanded={drawerOpen} data-testid="nav-open" icon={<MenuUnfoldOutlined />} onClick={() => setDrawerOpen(true)} />
          ) : (
            <Button
              type="text"
              aria-label={collapsed ? t('header.expand') : t('header.collapse')}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          <nav aria-label="breadcrumb" data-testid="breadcrumb" style={{ flex: 1, minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', lineHeight: '22px' }}>
            {crumbs.map((c, i) => (
              <Fragment key={c.key}>
                {i > 0 ? <span style={{ margin: '0 8px', color: token.colorTextQuaternary }}>/</span> : null}
                <span style={{ color: i === crumbs.length - 1 ? token.colorText : token.colorTextSecondary }}>{c.title}</span>
              </Fragment>
            ))}
          </nav>
          <Flex align="center" gap={narrow ? 4 : 12}>
            <Select
              data-testid="instance-switcher"
              aria-label={t('header.instanceSwitcher')}
              placeholder={t('header.instancePlaceholder')}
              style={{ width: narrow ? 120 : 220 }}
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
            <UserMenu user={narrow ? undefined : user} projectId={projectId} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<ShellSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const { token } = useToken();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, height: 56, padding: '0 20px', color: token.colorText }}>
      <img src="/favicon.svg" alt="" width={24} height={24} />
      {collapsed ? null : <span style={{ fontSize: 16, fontWeight: 600 }}>{t('app.name')}</span>}
    </Link>
  );
}
