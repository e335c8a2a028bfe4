// The side menu as a plain list. To add a page, append one entry: `scope: 'global'` items sit at
// the top (path is absolute), `scope: 'instance'` items under "Current instance" (path is the
// segment after /i/:instanceId/). Labels are core `nav.*` keys, so the shell never loads a feature's namespace.
import AppstoreOutlined from '@ant-design/icons/es/icons/AppstoreOutlined';
import AuditOutlined from '@ant-design/icons/es/icons/AuditOutlined';
import BookOutlined from '@ant-design/icons/es/icons/BookOutlined';
import ClusterOutlined from '@ant-design/icons/es/icons/ClusterOutlined';
import DashboardOutlined from '@ant-design/icons/es/icons/DashboardOutlined';
import DatabaseOutlined from '@ant-design/icons/es/icons/DatabaseOutlined';
import SyncOutlined from '@ant-design/icons/es/icons/SyncOutlined';
import ApiOutlined from '@ant-design/icons/es/icons/ApiOutlined';
import MobileOutlined from '@ant-design/icons/es/icons/MobileOutlined';
import FolderOutlined from '@ant-design/icons/es/icons/FolderOutlined';
import EnvironmentOutlined from '@ant-design/icons/es/icons/EnvironmentOutlined';
import BlockOutlined from '@ant-design/icons/es/icons/BlockOutlined';
import ApartmentOutlined from '@ant-design/icons/es/icons/ApartmentOutlined';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface NavItem {
  key: string;
  scope: 'global' | 'instance';
  path: string;
  icon: ReactNode;
  label: ReactNode;
}

type Namespace = 'translation' | 'link' | 'fdi' | 'apic' | 'audit';

function Text({ ns, k }: { ns: Namespace; k: string }) {
  const { t } = useTranslation(ns);
  return <>{(t as (key: string) => string)(k)}</>;
}

/** A menu label from namespace `ns` (loaded on first use; the label is blank for that instant). */
export function NavLabel({ ns = 'translation', k }: { ns?: Namespace; k: string }) {
  return (
    <Suspense fallback={<span />}>
      <Text ns={ns} k={k} />
    </Suspense>
  );
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'instances', scope: 'global', path: '/instances', icon: <ClusterOutlined />, label: <NavLabel k="nav.instances" /> },
  { key: 'audit', scope: 'global', path: '/audit', icon: <AuditOutlined />, label: <NavLabel k="nav.audit" /> },
  { key: 'overview', scope: 'instance', path: 'overview', icon: <DashboardOutlined />, label: <NavLabel k="nav.overview" /> },
  { key: 'apps', scope: 'instance', path: 'apps', icon: <AppstoreOutlined />, label: <NavLabel k="nav.apps" /> },
  { key: 'dictionaries', scope: 'instance', path: 'dictionaries', icon: <BookOutlined />, label: <NavLabel k="nav.dictionaries" /> },
  { key: 'products', scope: 'instance', path: 'products', icon: <BlockOutlined />, label: <NavLabel k="nav.products" /> },
  { key: 'devices', scope: 'instance', path: 'devices', icon: <MobileOutlined />, label: <NavLabel k="nav.devices" /> },
  { key: 'device-groups', scope: 'instance', path: 'device-groups', icon: <ApartmentOutlined />, label: <NavLabel k="nav.device-groups" /> },
  { key: 'apis', scope: 'instance', path: 'apis', icon: <ApiOutlined />, label: <NavLabel k="nav.apis" /> },
  { key: 'api-groups', scope: 'instance', path: 'api-groups', icon: <FolderOutlined />, label: <NavLabel k="nav.api-groups" /> },
  { key: 'api-envs', scope: 'instance', path: 'api-envs', icon: <EnvironmentOutlined />, label: <NavLabel k="nav.api-envs" /> },
  { key: 'quotas', scope: 'instance', path: 'quotas', icon: <DashboardOutlined />, label: <NavLabel k="nav.quotas" /> },
  { key: 'plugins', scope: 'instance', path: 'plugins', icon: <BlockOutlined />, label: <NavLabel k="nav.plugins" /> },
  { key: 'throttles', scope: 'instance', path: 'throttles', icon: <SyncOutlined />, label: <NavLabel k="nav.throttles" /> },
  { key: 'datasources', scope: 'instance', path: 'datasources', icon: <DatabaseOutlined />, label: <NavLabel k="nav.datasources" /> },
  { key: 'tasks', scope: 'instance', path: 'tasks', icon: <SyncOutlined />, label: <NavLabel k="nav.tasks" /> },
];
