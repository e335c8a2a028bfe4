// The devices table's columns and row actions.
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, type Device } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { actionsColumn, NameCell } from '../../../components/list';
import { Time } from '../../../components/Time';
import { Muted, Tag } from '../../../components/ui';
import { DeviceStatusTag } from '../shared/DeviceStatusTag';

export interface DeviceActions {
  open: (id: string) => void;
  edit: (d: Device) => void;
  remove: (d: Device) => void;
  forceOffline: (d: Device) => void;
}

export function useDeviceColumns(iid: string, a: DeviceActions): TableColumnsType<Device> {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const noModify = t('common.noModify');
  return [
    {
      title: t('fields.deviceName'),
      key: 'name',
      width: 240,
      render: (_, d) => (
        <>
          <NameCell name={d.name} id={d.id} param="device" onOpen={a.open} testId="device-name-link" />
          {d.nodeKind !== 'direct' ? <Tag tone="purple">{t(`nodeKind.${d.nodeKind}`)}</Tag> : null}
        </>
      ),
    },
    {
      title: tc('common.status'),
      key: 'state',
      width: 190,
      render: (_, d) => (
        <div data-testid="device-row-state" data-device={d.name}>
          <DeviceStatusTag state={d.state} />
          <div style={{ fontSize: 12 }}>
            <Muted>
              {t('devices.lastOnline')}: <Time value={d.lastLoginAt} mode="relative" />
            </Muted>
          </div>
        </div>
      ),
    },
    {
      title: t('fields.product'),
      key: 'product',
      render: (_, d) => (d.productId ? <Link to={`/i/${encodeURIComponent(iid)}/products/${d.productId}`}>{d.productName ?? d.productId}</Link> : tc('common.none')),
    },
    { title: t('fields.nodeId'), key: 'node', render: (_, d) => (d.nodeId ? <CopyableId id={d.nodeId} label={t('fields.nodeId')} ellipsis /> : tc('common.none')) },
    actionsColumn<Device>(
      tc('common.actions'),
      (d) => [
      { key: 'edit', label: tc('common.edit'), blockedReason: can(d.permissions, 'modify') ? undefined : noModify, onClick: () => a.edit(d), testId: 'device-action-edit' },
      {
        key: 'offline',
        label: t('devices.forceOffline'),
        blockedReason: d.online !== 'online' ? t('devices.notOnline') : can(d.permissions, 'modify') ? undefined : noModify,
        onClick: () => a.forceOffline(d),
        testId: 'device-action-offline',
      },
      {
        key: 'delete',
        label: tc('common.delete'),
        danger: true,
        blockedReason: d.online === 'online' ? t('devices.onlineNoDelete') : can(d.permissions, 'delete') ? undefined : t('common.noDelete'),
        onClick: () => a.remove(d),
        testId: 'device-action-delete',
      },
      ],
      250,
    ),
  ];
}
