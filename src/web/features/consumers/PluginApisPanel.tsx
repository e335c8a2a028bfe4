// The APIs a plugin is attached to in one environment (chosen in the URL): detach one, or a
// selection (per-API results), and attach several published APIs of that environment at once.
import { Button, Flex, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachableApisQuery, attachedApisQuery, type PluginApi } from '../../api/apicPlugins';
import { normaliseTime } from '../../api/time';
import { actionsColumn, BulkBar, useConfirm, useMountedOnce, useSelection } from '../../components/list';
import { Panel, PanelTitle } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { Code, Muted } from '../../components/ui';
import { EnvSelect, useEnvChoice } from './EnvChoice';
import { usePluginApis } from './policyHooks';

const PickManyModal = lazy(() => import('./PickManyModal').then((m) => ({ default: m.PickManyModal })));
const apiKey = (a: PluginApi) => a.api_id;
const apiLabel = (a: { api_name: string; req_method?: string; req_uri?: string }) => `${a.api_name} (${a.req_method ?? ''} ${a.req_uri ?? ''})`;

export function PluginApisPanel({ iid, pluginId }: { iid: string; pluginId: string }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const env = useEnvChoice(iid);
  const apis = useQuery(attachedApisQuery(iid, pluginId, env.envId));
  const { attach, detach } = usePluginApis(iid, pluginId, env.envId);
  const sel = useSelection<PluginApi>(apiKey, env.envId);
  const confirm = useConfirm();
  const [attaching, setAttaching] = useState(false);
  const attachUsed = useMountedOnce(attaching);
  const attachable = useQuery({ ...attachableApisQuery(iid, pluginId, env.envId), enabled: attaching, select: (l) => l.map((a) => ({ value: a.api_id, label: apiLabel(a) })) });

  const detachOne = (a: PluginApi) => confirm.one({
    title: t('plugins.detachTitle', { name: a.api_name }), body: t('plugins.detachBody', { env: env.envName }), okText: t('plugins.detach'), danger: true,
    run: async () => {
      const [r] = await detach.mutateAsync([a]);
      if (r?.error !== undefined) throw r.error;
    },
    onDone: () => sel.remove(a.api_id),
  });
  const detachSelected = () => confirm.bulk({
    selection: sel, nameOf: (a) => a.api_name, keyOf: apiKey, okText: t('plugins.detach'), danger: true,
    title: (count) => t('plugins.bulkDetachTitle', { count }), body: (names) => t('plugins.bulkDetachBody', { names, env: env.envName }),
    execute: (items) => detach.mutateAsync(items), doneText: (ok, failed) => t('plugins.detachDone', { ok, failed }),
    failuresTitle: t('plugins.detachFailures'), reportTestId: 'plugin-detach',
  });

  return (
    <Panel testId="plugin-apis">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <PanelTitle>{t('plugins.attachedApis')}</PanelTitle>
        <Flex gap={8}>
          <EnvSelect env={env} testId="plugin-env" />
          <Button type="primary" onClick={() => setAttaching(true)} data-testid="plugin-attach">{t('plugins.attach')}</Button>
        </Flex>
      </Flex>
      <QueryView query={apis}>
        {(list) => (
          <Table<PluginApi> rowKey="api_id" size="middle" dataSource={list} pagination={false} data-testid="plugin-apis-table" rowSelection={sel.rowSelection()}
            locale={{ emptyText: <Muted>{t('plugins.noApis', { env: env.envName })}</Muted> }}
            columns={[
              { title: t('plugins.api'), dataIndex: 'api_name' },
              { title: t('plugins.group'), dataIndex: 'group_name' },
              { title: t('plugins.path'), key: 'path', render: (_, a) => <Code style={{ whiteSpace: 'nowrap' }}>{`${a.req_method ?? ''} ${a.req_uri ?? ''}`}</Code> },
              { title: t('plugins.attachedTime'), dataIndex: 'attached_time', width: 170, render: (v?: string) => <Time value={normaliseTime(v)} /> },
              actionsColumn(tc('common.actions'), (a) => [
                { key: 'detach', label: t('plugins.detach'), danger: true, testId: 'plugin-api-detach', onClick: () => detachOne(a) },
              ]),
            ]} />
        )}
      </QueryView>
      <BulkBar selection={sel} testId="plugin-apis-bulk-bar">
        <Button danger onClick={detachSelected} data-testid="plugin-bulk-detach">{t('plugins.bulkDetach')}</Button>
      </BulkBar>
      {attachUsed && (
        <Suspense fallback={null}>
          <PickManyModal open={attaching} onClose={() => setAttaching(false)} title={`${t('plugins.attach')} · ${env.envName}`} options={attachable}
            placeholder={t('plugins.attachPick', { env: env.envName })} emptyText={t('plugins.attachNone', { env: env.envName })}
            run={(ids) => attach.mutateAsync(ids)} pending={attach.isPending} doneText={(ok, failed) => t('plugins.attachDone', { ok, failed })} testId="plugin-attach" />
        </Suspense>
      )}
    </Panel>
  );
}
