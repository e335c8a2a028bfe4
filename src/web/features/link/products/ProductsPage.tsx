// Products: filters and server paging in the URL; the name opens the product's own page
// (devices, thing model, topics, credentials); create/edit in a lazy modal.
import { Button, Select, type TableColumnsType } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, productListQuery, PROTOCOLS, type Product } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { actionsColumn, ListPage, ListTable, NameSearch, useConfirm, useList, useMountedOnce } from '../../../components/list';
import { Time } from '../../../components/Time';
import { Muted, Tag } from '../../../components/ui';
import { AppPicker } from '../shared/Pickers';
import { useDeleteProduct } from '../shared/hooks';
import { productsSearchSchema, toProductParams } from './search';

const ProductFormModal = lazy(() => import('./ProductFormModal').then((m) => ({ default: m.ProductFormModal })));

export default function ProductsPage() {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(productsSearchSchema, (s) => productListQuery(iid, toProductParams(s)));
  const confirm = useConfirm();
  const del = useDeleteProduct(iid);
  const [form, setForm] = useState<{ open: boolean; product?: Product }>({ open: false });
  const formUsed = useMountedOnce(form.open);
  const base = `/i/${encodeURIComponent(iid)}`;

  const columns: TableColumnsType<Product> = [
    {
      title: tc('common.name'),
      key: 'name',
      width: 200,
      render: (_, p) => (
        <div>
          <Link to={`${base}/products/${p.id}`} data-testid="product-name-link">
            {p.name}
          </Link>
          <div>
            <CopyableId id={p.id} />
          </div>
        </div>
      ),
    },
    { title: t('fields.protocol'), key: 'protocol', width: 110, render: (_, p) => <Tag tone="geekblue">{PROTOCOLS[(p.protocol ?? 0) as 0] ?? p.protocol}</Tag> },
    { title: t('fields.productType'), key: 'type', width: 120, render: (_, p) => t(p.gateway ? 'productType.gateway' : 'productType.ordinary') },
    {
      title: t('fields.model'),
      key: 'model',
      width: 180,
      render: (_, p) => (
        <div>
          <div>{p.model}</div>
          <Muted style={{ fontSize: 12 }}>{p.manufacturerName}</Muted>
        </div>
      ),
    },
    { title: t('fields.app'), key: 'app', width: 160, ellipsis: true, render: (_, p) => p.appName ?? p.appId ?? tc('common.none') },
    { title: tc('common.created'), dataIndex: 'createdAt', width: 150, render: (v?: number) => <Time value={v} mode="relative" /> },
    actionsColumn<Product>(tc('common.actions'), (p) => [
      { key: 'edit', label: tc('common.edit'), blockedReason: can(p.permissions, 'modify') ? undefined : t('common.noModify'), onClick: () => setForm({ open: true, product: p }), testId: 'product-action-edit' },
      {
        key: 'delete',
        label: tc('common.delete'),
        danger: true,
        blockedReason: can(p.permissions, 'delete') ? undefined : t('common.noDelete'),
        testId: 'product-action-delete',
        onClick: () =>
          confirm.one({
            title: t('products.deleteTitle', { name: p.name }),
            body: t('products.deleteBody'),
            run: () => del.mutateAsync(p),
            success: t('products.deleted', { name: p.name }),
          }),
      },
    ], 150),
  ];

  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="product-create">
      {t('products.create')}
    </Button>
  );
  const filters = (
    <>
      <NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('products.searchPlaceholder')} maxLength={64} testId="products-search" />
      <Select
        style={{ width: 150 }}
        aria-label={t('fields.protocol')}
        value={list.search.protocol}
        onChange={(protocol) => list.setFilters({ protocol })}
        options={[{ value: 'all', label: t('products.allProtocols') }, ...(['0', '2', '4'] as const).map((v) => ({ value: v, label: t(`protocol.${v}`) }))]}
      />
      <Select
        style={{ width: 150 }}
        aria-label={t('fields.productType')}
        value={list.search.type}
        onChange={(type) => list.setFilters({ type })}
        options={[{ value: 'all', label: t('products.allTypes') }, { value: '0', label: t('productType.ordinary') }, { value: '1', label: t('productType.gateway') }]}
      />
      <AppPicker iid={iid} value={list.search.app} onChange={(app) => list.setFilters({ app: app ?? '' })} allowClear style={{ width: 200 }} testId="products-app-filter" placeholder={t('products.allApps')} />
    </>
  );

  return (
    <ListPage id="products" title={t('products.title')} subtitle={t('products.subtitle')} primary={create} query={list.query} filters={filters}>
      <ListTable list={list} id="products" columns={columns} empty={{ title: t('products.emptyTitle'), hint: t('products.emptyHint'), action: create }} emptyFiltered={{ title: t('products.emptyFilteredTitle') }} />
      {formUsed ? (
        <Suspense fallback={null}>
          <ProductFormModal iid={iid} open={form.open} product={form.product} onClose={() => setForm({ open: false })} />
        </Suspense>
      ) : null}
    </ListPage>
  );
}
