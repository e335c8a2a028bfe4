// A product's devices (first page, refreshing like the devices list), with a link to the full,
// filterable list and a Create device button preset to this product.
import { Button, Flex, Table } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deviceListQuery, type Device, type Product } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { EmptyState } from '../../../components/EmptyState';
import { useMountedOnce, visiblePoll } from '../../../components/list';
import { QueryView } from '../../../components/QueryView';
import { Time } from '../../../components/Time';
import { DeviceStatusTag } from '../shared/DeviceStatusTag';

const DeviceFormModal = lazy(() => import('../devices/DeviceFormModal').then((m) => ({ default: m.DeviceFormModal })));

export function ProductDevices({ iid, product }: { iid: string; product: Product }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [offset, setOffset] = useState(0);
  const q = useQuery({ ...deviceListQuery(iid, { offset, limit: 10, product_id: product.id }), ...visiblePoll(2000) });
  const [open, setOpen] = useState(false);
  const used = useMountedOnce(open);
  const devicesUrl = (extra = '') => `/i/${encodeURIComponent(iid)}/devices?product=${product.id}${extra}`;
  return (
    <div data-testid="product-devices">
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Link to={devicesUrl()}>{t('products.openInDevices')}</Link>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="product-device-create">
          {t('devices.create')}
        </Button>
      </Flex>
      <QueryView query={q} rows={3}>
        {(data) => (
          <Table<Device>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={{ current: offset / 10 + 1, pageSize: 10, total: data.total, onChange: (page) => setOffset((page - 1) * 10), hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState title={t('products.noDevices')} hint={t('products.noDevicesHint')} /> }}
            columns={[
              { title: t('fields.deviceName'), key: 'name', render: (_, d) => <Link to={devicesUrl(`&device=${d.id}`)}>{d.name}</Link> },
              { title: tc('common.status'), key: 'state', render: (_, d) => <DeviceStatusTag state={d.state} /> },
              { title: t('devices.lastOnline'), dataIndex: 'lastLoginAt', render: (v?: number) => <Time value={v} mode="relative" /> },
              { title: t('fields.clientId'), dataIndex: 'clientId', render: (v?: string) => (v ? <CopyableId id={v} ellipsis /> : tc('common.none')) },
            ]}
          />
        )}
      </QueryView>
      {used ? (
        <Suspense fallback={null}>
          <DeviceFormModal iid={iid} open={open} productId={product.id} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
