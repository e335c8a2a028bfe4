// The plugins attached to an API in one environment (attach them from the plugins page): type,
// scope, when; the name links to the plugin in the plugins page; detach one.
import { Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { attachedPluginsQuery, type ApiPlugin } from '../../api/apicApiConsumers';
import { normaliseTime } from '../../api/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { actionsColumn, useConfirm } from '../../components/list';
import { Time } from '../../components/Time';
import { Code } from '../../components/ui';
import { useDetachPlugin } from './consumersHooks';

export function ApiPluginsSection({ iid, apiId, env }: { iid: string; apiId: string; env: { id: string; name: string } }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const plugins = useQuery(attachedPluginsQuery(iid, apiId, env.id));
  const detach = useDetachPlugin(iid, apiId, env.id);
  const confirm = useConfirm();
  const pluginsPage = (name: string) => `/i/${encodeURIComponent(iid)}/plugins?name=${encodeURIComponent(name)}`;

  return (
    <div data-testid="api-plugins">
      {plugins.isError ? <ErrorAlert error={plugins.error} onRetry={() => void plugins.refetch()} /> : null}
      <Table<ApiPlugin> size="small" rowKey={(p) => p.plugin_attach_id ?? p.plugin_id} loading={plugins.isPending} pagination={false} dataSource={plugins.data ?? []}
        data-testid="api-plugins-table" locale={{ emptyText: t('apiConsumers.pluginsEmpty', { env: env.name }) }}
        columns={[
          { title: tc('common.name'), dataIndex: 'plugin_name', render: (v: string) => <Link to={pluginsPage(v)} data-testid="api-plugin-link">{v}</Link> },
          { title: t('apiConsumers.pluginType'), dataIndex: 'plugin_type', render: (v: string) => <Code>{v}</Code> },
          { title: t('apiConsumers.pluginScope'), dataIndex: 'plugin_scope', render: (v: string) => (v === 'global' ? t('apiConsumers.scopeGlobal') : v === 'app' ? t('apiConsumers.scopeApp') : v) },
          { title: t('apiConsumers.attachedAt'), dataIndex: 'attached_time', width: 180, render: (v?: string | number) => <Time value={normaliseTime(v)} /> },
          actionsColumn(tc('common.actions'), (p) => [
            { key: 'detach', label: t('apiConsumers.detach'), danger: true, testId: 'api-plugin-detach',
              onClick: () => confirm.one({
                title: t('apiConsumers.detachTitle', { plugin: p.plugin_name, env: env.name }), body: t('apiConsumers.detachBody'),
                okText: t('apiConsumers.detach'), danger: true, run: () => detach.mutateAsync(p.plugin_id),
              }) },
          ], 120),
        ]} />
    </div>
  );
}
