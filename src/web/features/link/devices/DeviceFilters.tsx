// The devices filter bar: name, product, online state (several), node id, tag, node kind.
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ONLINE_STATES } from '../../../api/link';
import { NameSearch } from '../../../components/FilterBar';
import { ProductPicker } from '../shared/Pickers';
import { states, type DevicesSearch } from './search';

export function DeviceFilters({ iid, search, set }: { iid: string; search: DevicesSearch; set: (p: Partial<DevicesSearch>) => void }) {
  const { t } = useTranslation('link');
  return (
    <>
      <NameSearch value={search.name} onSearch={(name) => set({ name })} placeholder={t('devices.searchPlaceholder')} maxLength={64} testId="devices-search" />
      <ProductPicker iid={iid} value={search.product} onChange={(product) => set({ product: product ?? '' })} allowClear style={{ width: 180 }} testId="devices-product-filter" placeholder={t('devices.allProducts')} />
      <Select
        mode="multiple"
        allowClear
        style={{ minWidth: 200 }}
        placeholder={t('devices.allStates')}
        aria-label={t('devices.stateFilter')}
        data-testid="devices-state-filter"
        value={states(search)}
        onChange={(v) => set({ state: v.join(',') })}
        options={ONLINE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
      />
      <Select
        style={{ width: 150 }}
        aria-label={t('fields.nodeKind')}
        value={search.kind}
        onChange={(kind) => set({ kind })}
        options={[
          { value: 'all', label: t('devices.allKinds') },
          { value: '0', label: t('nodeKind.direct') },
          { value: '1', label: t('nodeKind.gateway') },
          { value: '2', label: t('nodeKind.sub') },
        ]}
      />
      <Input.Search allowClear style={{ width: 180 }} placeholder={t('fields.nodeId')} aria-label={t('fields.nodeId')} defaultValue={search.node} key={`n${search.node}`} onSearch={(node) => set({ node: node.trim() })} maxLength={64} />
      <Input.Search allowClear style={{ width: 150 }} placeholder={t('fields.tag')} aria-label={t('fields.tag')} defaultValue={search.tag} key={`t${search.tag}`} onSearch={(tag) => set({ tag: tag.trim() })} maxLength={64} />
    </>
  );
}
