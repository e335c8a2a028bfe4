// The APIs a throttling policy is bound to in one environment (chosen in the URL): unbind one, or
// a selection (per-API results), and bind several published APIs of that environment at once.
import { Button, Flex, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boundApisQuery, unboundApisQuery, type ThrottleApi } from '../../api/apicThrottles';
import { normaliseTime } from '../../api/time';
import { actionsColumn, BulkBar, useConfirm, useMountedOnce, useSelection } from '../../components/list';
import { Panel, PanelTitle } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { Code, Muted } from '../../components/ui';
import { EnvSelect, useEnvChoice } from './EnvChoice';
import { useThrottleApis } from './policyHooks';

const PickManyModal = lazy(() => import('./PickManyModal').then((m) => ({ default: m.PickManyModal })));
const apiKey = (a: ThrottleApi) => a.throttle_apply_id ?? a.id;

export function ThrottleApisPanel({ iid, throttleId }: { iid: string; throttleId: string }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const env = useEnvChoice(iid);
  const apis = useQuery(boundApisQuery(iid, throttleId, env.envId));
  const { bind, unbind } = useThrottleApis(iid, throttleId);
  const sel = useSelection<ThrottleApi>(apiKey, env.envId);
  const confirm = useConfirm();
  const [binding, setBinding] = useState(false);
  const bindUsed = useMountedOnce(binding);
  const unbound = useQuery({
    ...unboundApisQuery(iid, throttleId, env.envId), enabled: binding,
    select: (l) => l.flatMap((a) => (a.publish_id ? [{ value: a.publish_id, label: `${a.name} (${a.req_method ?? ''} ${a.req_uri ?? ''})` }] : [])),
  });

  const unbindOne = (a: ThrottleApi) => confirm.one({
    title: t('throttles.unbindTitle', { name: a.name }), body: t('throttles.unbindBody', { env: env.envName }), okText: t('throttles.unbind'), danger: true,
    run: async () => {
      const [r] = await unbind.mutateAsync([a]);
      if (r?.error !== undefined) throw r.error;
    },
    onDone: () => sel.remove(apiKey(a)),
  });
  const unbindSelected = () => confirm.bulk({
    selection: sel, nameOf: (a) => a.name, keyOf: apiKey, okText: t('throttles.unbind'), danger: true,
    title: (count) => t('throttles.bulkUnbindTitle', { count }), body: (names) => t('throttles.bulkUnbindBody', { names, env: env.envName }),
    execute: (items) => unbind.mutateAsync(items), doneText: (ok, failed) => t('throttles.unbindDone', { ok, failed }),
    failuresTitle: t('throttles.unbindFailures'), reportTestId: 'throttle-unbind',
  });

  return (
    <Panel testId="throttle-apis" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <PanelTitle>{t('throttles.boundApis')}</PanelTitle>
        <Flex gap={8}>
          <EnvSelect env={env} testId="throttle-env" />
          <Button type="primary" onClick={() => setBinding(true)} data-testid="throttle-bind">{t('throttles.bind')}</Button>
        </Flex>
      </Flex>
      <QueryView query={apis}>
        {(list) => (
          <Table<ThrottleApi> rowKey={apiKey} size="middle" dataSource={list} pagination={false} data-testid="throttle-apis-table" rowSelection={sel.rowSelection()}
            locale={{ emptyText: <Muted>{t('throttles.noApis', { env: env.envName })}</Muted> }}
            columns={[
              { title: t('plugins.api'), dataIndex: 'name' },
              { title: t('plugins.group'), dataIndex: 'group_name' },
              { title: t('plugins.path'), key: 'path', render: (_, a) => <Code style={{ whiteSpace: 'nowrap' }}>{`${a.req_method ?? ''} ${a.req_uri ?? ''}`}</Code> },
              { title: t('throttles.boundTime'), dataIndex: 'apply_time', width: 170, render: (v?: string) => <Time value={normaliseTime(v)} /> },
              actionsColumn(tc('common.actions'), (a) => [
                { key: 'unbind', label: t('throttles.unbind'), danger: true, testId: 'throttle-api-unbind', onClick: () => unbindOne(a) },
              ]),
            ]} />
        )}
      </QueryView>
      <BulkBar selection={sel} testId="throttle-apis-bulk-bar">
        <Button danger onClick={unbindSelected} data-testid="throttle-bulk-unbind">{t('throttles.bulkUnbind')}</Button>
      </BulkBar>
      {bindUsed && (
        <Suspense fallback={null}>
          <PickManyModal open={binding} onClose={() => setBinding(false)} title={`${t('throttles.bind')} · ${env.envName}`} options={unbound} hint={t('throttles.bindHint')}
            placeholder={t('throttles.bindPick', { env: env.envName })} emptyText={t('throttles.bindNone', { env: env.envName })}
            run={(ids) => bind.mutateAsync(ids)} pending={bind.isPending} doneText={(ok, failed) => t('throttles.bindDone', { ok, failed })} testId="throttle-bind" />
        </Suspense>
      )}
    </Panel>
  );
}
