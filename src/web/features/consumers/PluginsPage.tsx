// Plugins: name search and type filter in the URL → table (type, whether roma-local enforces it)
// → the plugin's own page; create / edit with a form per plugin type, loaded on first use.
import { Button, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { z } from 'zod';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENFORCED_PLUGIN_TYPES, type PluginType } from '../../../contract/apic-plugins';
import { pluginListQuery, type Plugin } from '../../api/apicPlugins';
import { normaliseTime } from '../../api/time';
import { actionsColumn, ListPage, ListTable, NameSearch, pagedSearchFields, useConfirm, useList, useMountedOnce } from '../../components/list';
import { Time } from '../../components/Time';
import { Muted, Tag } from '../../components/ui';
import { useDeletePlugin } from './hooks';
import { FORM_PLUGIN_TYPES } from './pluginContent';

const PluginFormModal = lazy(() => import('./PluginFormModal').then((m) => ({ default: m.PluginFormModal })));
const searchSchema = z.object({ ...pagedSearchFields(255), type: z.enum(['all', ...FORM_PLUGIN_TYPES]).catch('all') });

export default function PluginsPage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(searchSchema, (s) => pluginListQuery(iid, {
    offset: s.offset, limit: s.limit, plugin_name: s.name || undefined, plugin_type: s.type === 'all' ? undefined : s.type,
  }));
  const confirm = useConfirm();
  const del = useDeletePlugin(iid);
  const [form, setForm] = useState<{ open: boolean; plugin?: Plugin }>({ open: false });
  const formUsed = useMountedOnce(form.open);
  const typeLabel = (ty: string) => t(`plugins.types.${ty}` as 'plugins.types.cors', { defaultValue: ty });

  const columns: TableColumnsType<Plugin> = [
    { title: tc('common.name'), dataIndex: 'plugin_name', render: (_, p) => <Link to={`/i/${encodeURIComponent(iid)}/plugins/${encodeURIComponent(p.id)}`} data-testid="plugin-name-link">{p.plugin_name}</Link> },
    { title: t('plugins.type'), dataIndex: 'plugin_type', render: (ty: string) => typeLabel(ty) },
    { title: t('plugins.enforced'), key: 'enforced', render: (_, p) => (ENFORCED_PLUGIN_TYPES.includes(p.plugin_type as PluginType)
      ? <Tag tone="success">{t('plugins.enforcedYes')}</Tag> : <Tag tone="warning">{t('plugins.enforcedNo')}</Tag>) },
    { title: tc('common.remark'), dataIndex: 'remark', ellipsis: true, render: (v?: string) => v || <Muted>{tc('common.none')}</Muted> },
    { title: tc('common.updated'), dataIndex: 'update_time', width: 170, render: (v: string) => <Time value={normaliseTime(v)} mode="relative" /> },
    actionsColumn(tc('common.actions'), (p) => [
      { key: 'edit', label: tc('common.edit'), onClick: () => setForm({ open: true, plugin: p }), testId: 'plugin-action-edit',
        blockedReason: (FORM_PLUGIN_TYPES as readonly string[]).includes(p.plugin_type) ? undefined : t('plugins.noForm') },
      { key: 'delete', label: tc('common.delete'), danger: true, testId: 'plugin-action-delete',
        onClick: () => confirm.one({ title: t('plugins.deleteTitle', { name: p.plugin_name }), body: t('plugins.deleteBody'), run: () => del.mutateAsync(p) }) },
    ]),
  ];
  const createButton = <Button type="primary" onClick={() => setForm({ open: true })} data-testid="plugin-create">{t('plugins.create')}</Button>;

  return (
    <>
      <ListPage id="plugins" title={t('plugins.title')} subtitle={t('plugins.subtitle')} primary={createButton} query={list.query}
        filters={
          <>
            <NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('plugins.searchPlaceholder')} maxLength={255} testId="plugins-search" />
            <Select style={{ width: 200 }} aria-label={t('plugins.type')} value={list.search.type} onChange={(type) => list.setFilters({ type })}
              options={[{ value: 'all', label: t('plugins.allTypes') }, ...FORM_PLUGIN_TYPES.map((ty) => ({ value: ty, label: typeLabel(ty) }))]} />
          </>
        }>
        <ListTable id="plugins" list={list} columns={columns} empty={{ title: t('plugins.emptyTitle'), hint: t('plugins.emptyHint'), action: createButton }} emptyFiltered={{ title: t('plugins.emptyFilteredTitle') }} />
      </ListPage>
      {formUsed && (
        <Suspense fallback={null}>
          <PluginFormModal iid={iid} open={form.open} plugin={form.plugin} onClose={() => setForm({ open: false })} />
        </Suspense>
      )}
    </>
  );
}
