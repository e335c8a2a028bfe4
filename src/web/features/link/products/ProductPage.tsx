// One product, on its own route: details, its devices, the thing model editor, topics and the
// product-level credentials. The tab is in the URL (?tab=); hidden tabs don't fetch.
import { Descriptions, Flex, Tabs } from 'antd';
import EditOutlined from '@ant-design/icons/es/icons/EditOutlined';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { can, productDetailQuery, productDeviceCountQuery, PROTOCOLS } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useMountedOnce } from '../../../components/list';
import { PageHeader } from '../../../components/PageHeader';
import { Panel } from '../../../components/Panel';
import { useSearchState } from '../../../components/searchState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { Time } from '../../../components/Time';
import { ActionButton, Tag } from '../../../components/ui';
import { ProductCredentials } from './ProductCredentials';
import { ProductDevices } from './ProductDevices';
import { ProductTopics } from './ProductTopics';
import { ThingModel } from './ThingModel';

const ProductFormModal = lazy(() => import('./ProductFormModal').then((m) => ({ default: m.ProductFormModal })));
const tabSchema = z.object({ tab: z.enum(['devices', 'model', 'topics', 'credentials']).catch('devices') });

export default function ProductPage() {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '', productId: pid = '' } = useParams();
  const q = useQuery(productDetailQuery(iid, pid));
  const count = useQuery(productDeviceCountQuery(iid, pid));
  const [{ tab }, setTab] = useSearchState(tabSchema);
  const [editing, setEditing] = useState(false);
  const formUsed = useMountedOnce(editing);
  const back = <Link to={`/i/${encodeURIComponent(iid)}/products`}>{t('products.backToList')}</Link>;

  if (q.isPending) return <Panel><TableSkeleton rows={8} /></Panel>;
  if (q.isError) return (<><PageHeader title={t('products.title')} subtitle={back} /><ErrorAlert error={q.error} title={t('products.notFound', { id: pid })} onRetry={() => void q.refetch()} /></>);
  const p = q.data;
  const canModify = can(p.permissions, 'modify');
  const none = tc('common.none');

  return (
    <>
      <PageHeader
        title={<span data-testid="product-title">{p.name}</span>}
        subtitle={back}
        extra={
          <ActionButton icon={<EditOutlined />} blockedReason={canModify ? undefined : t('common.noModify')} onClick={() => setEditing(true)} data-testid="product-edit">
            {tc('common.edit')}
          </ActionButton>
        }
      />
      <Flex vertical gap={16}>
        <Panel>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="product-details">
            <Descriptions.Item label={tc('common.id')}><CopyableId id={p.id} /></Descriptions.Item>
            <Descriptions.Item label={t('fields.serial')}>{p.serial ? <CopyableId id={p.serial} label={t('fields.serial')} /> : none}</Descriptions.Item>
            <Descriptions.Item label={t('fields.protocol')}><Tag tone="geekblue">{PROTOCOLS[(p.protocol ?? 0) as 0]}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('fields.productType')}>{t(p.gateway ? 'productType.gateway' : 'productType.ordinary')}</Descriptions.Item>
            <Descriptions.Item label={t('fields.manufacturerName')}>{p.manufacturerName} ({p.manufacturerId})</Descriptions.Item>
            <Descriptions.Item label={t('fields.model')}>{p.model}</Descriptions.Item>
            <Descriptions.Item label={t('fields.app')}>{p.appName ?? p.appId ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('fields.deviceCount')}><span data-testid="product-device-count">{count.data ?? '…'}</span></Descriptions.Item>
            <Descriptions.Item label={tc('common.created')}><Time value={p.createdAt} /></Descriptions.Item>
            <Descriptions.Item label={tc('common.remark')}>{p.description || none}</Descriptions.Item>
          </Descriptions>
        </Panel>
        <Panel>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab({ tab: k as typeof tab }, { replace: true })}
            destroyOnHidden
            items={[
              { key: 'devices', label: <span data-testid="product-tab-devices">{t('products.tabDevices')}</span>, children: <ProductDevices iid={iid} product={p} /> },
              { key: 'model', label: <span data-testid="product-tab-model">{t('products.tabModel')}</span>, children: <ThingModel iid={iid} pid={pid} canModify={canModify} /> },
              { key: 'topics', label: <span data-testid="product-tab-topics">{t('products.tabTopics')}</span>, children: <ProductTopics iid={iid} pid={pid} canModify={canModify} /> },
              { key: 'credentials', label: <span data-testid="product-tab-credentials">{t('products.tabCredentials')}</span>, children: <ProductCredentials iid={iid} product={p} canModify={canModify} /> },
            ]}
          />
        </Panel>
      </Flex>
      {formUsed ? (
        <Suspense fallback={null}>
          <ProductFormModal iid={iid} open={editing} product={p} onClose={() => setEditing(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
