// One plugin: what it does in words (kafka_log and breaker marked as stored, not enforced by
// roma-local), edit with the form of its type, and the APIs it is attached to per environment.
import { Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENFORCED_PLUGIN_TYPES, type PluginType } from '../../../contract/apic-plugins';
import { pluginDetailQuery } from '../../api/apicPlugins';
import { useMountedOnce } from '../../components/list';
import { PageHeader } from '../../components/PageHeader';
import { Panel, PanelTitle } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Callout, Tag } from '../../components/ui';
import { PluginApisPanel } from './PluginApisPanel';
import { FORM_PLUGIN_TYPES } from './pluginContent';
import { pluginSettings } from './pluginText';
import type { Translate } from './ruleText';

const PluginFormModal = lazy(() => import('./PluginFormModal').then((m) => ({ default: m.PluginFormModal })));

export default function PluginPage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '', pluginId = '' } = useParams();
  const plugin = useQuery(pluginDetailQuery(iid, pluginId));
  const [editing, setEditing] = useState(false);
  const editUsed = useMountedOnce(editing);
  const p = plugin.data;
  const enforced = p ? ENFORCED_PLUGIN_TYPES.includes(p.plugin_type as PluginType) : true;
  const editable = p ? (FORM_PLUGIN_TYPES as readonly string[]).includes(p.plugin_type) : false;

  const subtitle = p ? (
    <>
      <Tag>{t(`plugins.types.${p.plugin_type}` as 'plugins.types.cors', { defaultValue: p.plugin_type })}</Tag>
      {enforced ? <Tag tone="success">{t('plugins.enforcedYes')}</Tag> : <Tag tone="warning" testId="plugin-not-enforced">{t('plugins.storedOnly')}</Tag>}
      {p.remark ? <span>{p.remark}</span> : null}
    </>
  ) : <Link to={`/i/${encodeURIComponent(iid)}/plugins`}>{t('plugins.back')}</Link>;

  return (
    <>
      <PageHeader title={p?.plugin_name ?? t('plugins.title')} subtitle={subtitle}
        extra={<Button onClick={() => setEditing(true)} disabled={!editable} title={p && !editable ? t('plugins.noForm') : undefined} data-testid="plugin-edit">{tc('common.edit')}</Button>} />
      <Panel style={{ marginBottom: 16 }} testId="plugin-settings">
        <PanelTitle>{t('plugins.settings')}</PanelTitle>
        {!enforced && <div style={{ marginBottom: 12 }}><Callout tone="warning" title={t('plugins.notEnforced')} /></div>}
        <QueryView query={plugin} rows={3}>
          {(data) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {pluginSettings(data.plugin_type, data.plugin_content, t as Translate).map((line, i) => <li key={i}>{line}</li>)}
            </ul>
          )}
        </QueryView>
      </Panel>
      <PluginApisPanel iid={iid} pluginId={pluginId} />
      {editUsed && p && (
        <Suspense fallback={null}>
          <PluginFormModal iid={iid} open={editing} plugin={p} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </>
  );
}
