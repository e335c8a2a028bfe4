// The side menu built from NAV_ITEMS. Instance items need an instance: without one they stay in
// the menu, focusable, marked aria-disabled, with the reason in a tooltip (hover, focus or click)
// and a link to the instance picker — never a click that silently does nothing.
import { Menu, Tooltip, type MenuProps } from 'antd';
import { useToken } from '../components/themeToken';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VISUALLY_HIDDEN } from '../components/ui';
import { NAV_ITEMS, type NavItem } from './nav';

export function instanceItemPath(instanceId: string, item: NavItem): string {
  return `/i/${encodeURIComponent(instanceId)}/${item.path}`;
}

function DisabledEntry({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  const { token } = useToken();
  const reasonId = useId();
  const reason = (
    <span>
      {t('nav.needInstance')} <Link to="/instances" style={{ color: 'inherit', textDecoration: 'underline' }}>{t('nav.pickInstance')}</Link>
    </span>
  );
  return (
    <Tooltip title={reason} placement="right" trigger={['hover', 'focus', 'click']}>
      <span
        role="link"
        tabIndex={0}
        aria-disabled="true"
        aria-describedby={reasonId}
        data-testid={`nav-${item.key}`}
        style={{ color: token.colorTextDisabled, cursor: 'not-allowed', display: 'inline-block', width: '100%' }}
      >
        {item.label}
        <span id={reasonId} style={VISUALLY_HIDDEN}>{t('nav.needInstance')}</span>
      </span>
    </Tooltip>
  );
}

export function SideNav({ instanceId, selectedKey, collapsed, onNavigate }: {
  /** The instance the instance items lead to (current or last used); undefined = none chosen yet. */
  instanceId?: string;
  selectedKey: string;
  collapsed: boolean;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const entry = (item: NavItem): NonNullable<MenuProps['items']>[number] => {
    if (item.scope === 'instance' && !instanceId) {
      return { key: item.key, icon: item.icon, label: <DisabledEntry item={item} /> };
    }
    const to = item.scope === 'instance' ? instanceItemPath(instanceId as string, item) : item.path;
    return { key: item.key, icon: item.icon, label: <Link to={to} data-testid={`nav-${item.key}`} onClick={onNavigate}>{item.label}</Link> };
  };
  const items: MenuProps['items'] = [
    ...NAV_ITEMS.filter((i) => i.scope === 'global').map(entry),
    {
      type: 'group',
      key: 'instance-group',
      label: collapsed ? null : t('nav.instanceGroup'),
      children: NAV_ITEMS.filter((i) => i.scope === 'instance').map(entry),
    },
  ];
  return <Menu mode="inline" selectedKeys={[selectedKey]} items={items} style={{ borderInlineEnd: 0 }} data-testid="side-nav" />;
}
