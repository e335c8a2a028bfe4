// The user menu in the header: project, theme choice (follow the system / light / dark), log out.
import { Button, Dropdown, type MenuProps } from 'antd';
import CheckOutlined from '@ant-design/icons/es/icons/CheckOutlined';
import LogoutOutlined from '@ant-design/icons/es/icons/LogoutOutlined';
import UserOutlined from '@ant-design/icons/es/icons/UserOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, sessionQuery } from '../api/session';
import { themeStore, type ThemePref } from './prefs';

const THEME_PREFS: readonly ThemePref[] = ['system', 'light', 'dark'];

export function UserMenu({ user, projectId }: { user?: string; projectId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const themePref = useSyncExternalStore(themeStore.subscribe, themeStore.pref);

  const doLogout = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, { authenticated: false });
      void navigate('/login?reason=loggedout', { replace: true });
    }
  };

  const menu: MenuProps = {
    items: [
      { key: 'project', disabled: true, label: <span data-testid="user-project">{t('header.project', { project: projectId ?? '' })}</span> },
      { type: 'divider' },
      {
        type: 'group',
        key: 'theme',
        label: t('header.theme'),
        children: THEME_PREFS.map((p) => ({
          key: `theme-${p}`,
          icon: themePref === p ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
          label: <span data-testid={`theme-pref-${p}`} aria-checked={themePref === p} role="menuitemradio">{t(`header.themePref.${p}`)}</span>,
        })),
      },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span> },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') void doLogout();
      const p = THEME_PREFS.find((x) => key === `theme-${x}`);
      if (p) themeStore.setPref(p);
    },
  };

  return (
    <Dropdown menu={menu} trigger={['click']} placement="bottomRight">
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={t('header.userMenu')}>
        {user}
      </Button>
    </Dropdown>
  );
}
