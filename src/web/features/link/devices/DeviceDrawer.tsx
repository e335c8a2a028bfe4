// Device detail drawer (its id in the URL): details with the MQTT address and credentials,
// shadow, topics and the send-command form. Tabs mount when first opened (hidden tabs don't fetch).
import { Descriptions, Drawer, Flex, Tabs } from 'antd';
import EditOutlined from '@ant-design/icons/es/icons/EditOutlined';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, deviceDetailQuery, PROTOCOLS, type Device } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { QueryView } from '../../../components/QueryView';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { Time } from '../../../components/Time';
import { ActionButton, Muted, Tag } from '../../../components/ui';
import { DeviceStatusTag } from '../shared/DeviceStatusTag';
import { DeviceCredentials } from './DeviceCredentials';
import { DeviceShadow, DeviceTopics } from './DeviceTabs';

const SendCommandForm = lazy(() => import('./SendCommandForm'));

export function DeviceDrawer({ iid, deviceId, onClose, onEdit }: { iid: string; deviceId: string; onClose: () => void; onEdit: (d: Device) => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const q = useQuery({ ...deviceDetailQuery(iid, deviceId), enabled: deviceId !== '', refetchInterval: 5000, refetchIntervalInBackground: false });
  const [tab, setTab] = useState('details');
  const d = q.data;
  return (
    <Drawer
      open={deviceId !== ''}
      onClose={onClose}
      size={720}
      title={d ? t('devices.drawerTitle', { name: d.name }) : tc('common.details')}
      data-testid="device-drawer"
      extra={
        d ? (
          <ActionButton icon={<EditOutlined />} blockedReason={can(d.permissions, 'modify') ? undefined : t('common.noModify')} onClick={() => onEdit(d)} data-testid="device-drawer-edit">
            {tc('common.edit')}
          </ActionButton>
        ) : null
      }
    >
      <QueryView query={q} rows={8}>
        {(d) => (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              { key: 'details', label: t('devices.tabDetails'), children: <Details iid={iid} d={d} /> },
              { key: 'shadow', label: t('devices.tabShadow'), children: <DeviceShadow iid={iid} id={d.id} /> },
              { key: 'topics', label: t('devices.tabTopics'), children: <DeviceTopics iid={iid} id={d.id} /> },
              {
                key: 'command',
                label: <span data-testid="device-tab-command">{t('devices.tabCommand')}</span>,
                children: (
                  <Suspense fallback={<TableSkeleton rows={4} />}>
                    <SendCommandForm iid={iid} device={d} />
                  </Suspense>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </Drawer>
  );
}

function Details({ iid, d }: { iid: string; d: Device }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const none = tc('common.none');
  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} size="small" bordered data-testid="device-details">
        <Descriptions.Item label={tc('common.status')}>
          <Flex align="center" gap={8} wrap>
            <DeviceStatusTag state={d.state} />
            {d.state === 'disabled' ? <Muted>{t(`state.${d.online}`)}</Muted> : null}
            <Muted>
              {t('devices.lastOnline')}: <Time value={d.lastLoginAt} mode="relative" />
            </Muted>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={tc('common.id')}>
          <CopyableId id={d.id} testId="device-detail-id" />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.clientId')}>{d.clientId ? <CopyableId id={d.clientId} label={t('fields.clientId')} testId="device-client-id" /> : none}</Descriptions.Item>
        <Descriptions.Item label={t('fields.nodeId')}>{d.nodeId ? <CopyableId id={d.nodeId} label={t('fields.nodeId')} /> : none}</Descriptions.Item>
        <Descriptions.Item label={t('fields.product')}>
          {d.productName ?? d.productId ?? none} {d.protocol !== undefined ? <Tag>{PROTOCOLS[d.protocol as 0] ?? d.protocol}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.nodeKind')}>{t(`nodeKind.${d.nodeKind}`)}{d.parentName ? ` · ${d.parentName}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('fields.app')}>{d.appName ?? d.appId ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('fields.tags')}>{d.tags.length ? d.tags.map((x) => <Tag key={x}>{x}</Tag>) : none}</Descriptions.Item>
        <Descriptions.Item label={t('fields.clientIp')}>{d.clientIp || none}</Descriptions.Item>
        <Descriptions.Item label={t('fields.lastActive')}>
          <Time value={d.lastActiveAt} />
        </Descriptions.Item>
        <Descriptions.Item label={tc('common.created')}>
          <Time value={d.createdAt} />
        </Descriptions.Item>
        <Descriptions.Item label={tc('common.remark')}>{d.description || none}</Descriptions.Item>
      </Descriptions>
      <DeviceCredentials iid={iid} device={d} />
    </Flex>
  );
}
