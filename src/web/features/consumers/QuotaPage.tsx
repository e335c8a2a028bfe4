// One client quota: its rule in words, the apps bound to it (unbind one, or a selection with
// per-app results), bind more apps.
import { Button, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { boundAppsQuery, quotaDetailQuery, type AppQuotaApp } from '../../api/apicPolicies';
import { normaliseTime } from '../../api/time';
import { actionsColumn, BulkBar, useConfirm, useMountedOnce, useSelection } from '../../components/list';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { Code, Muted } from '../../components/ui';
import { useQuotaApps } from './hooks';
import { useBulkUnbind } from './useBulkUnbind';
import { quotaRule, type Translate } from './ruleText';

const appKey = (a: AppQuotaApp) => a.app_id;
const BindAppsModal = lazy(() => import('./BindAppsModal').then((m) => ({ default: m.BindAppsModal })));

export default function QuotaPage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '', quotaId = '' } = useParams();
  const quota = useQuery(quotaDetailQuery(iid, quotaId));
  const apps = useQuery(boundAppsQuery(iid, quotaId));
  const { unbind } = useQuotaApps(iid, quotaId);
  const bulkUnbind = useBulkUnbind(iid, quotaId);
  const sel = useSelection<AppQuotaApp>(appKey, quotaId);
  const confirm = useConfirm();
  const [binding, setBinding] = useState(false);
  const bindUsed = useMountedOnce(binding);

  return (
    <>
      <PageHeader title={quota.data?.name ?? t('quotas.title')}
        subtitle={quota.data ? <span data-testid="quota-rule">{quotaRule(quota.data, t as Translate)}</span> : <Link to={`/i/${encodeURIComponent(iid)}/quotas`}>{t('quotas.back')}</Link>}
        extra={<Button type="primary" onClick={() => setBinding(true)} data-testid="quota-bind">{t('quotas.bind')}</Button>} />
      <Panel>
        <QueryView query={apps}>
          {(list) => (
            <Table<AppQuotaApp> rowKey="app_id" size="middle" dataSource={list} pagination={false} data-testid="quota-apps-table" rowSelection={sel.rowSelection()}
              locale={{ emptyText: <Muted>{t('quotas.noApps')}</Muted> }}
              columns={[
                { title: tc('common.name'), dataIndex: 'name' },
                { title: 'AppKey', dataIndex: 'app_key', render: (v?: string) => (v ? <Code>{v}</Code> : null) },
                { title: t('quotas.boundTime'), dataIndex: 'bound_time', width: 170, render: (v?: string) => <Time value={normaliseTime(v)} /> },
                actionsColumn(tc('common.actions'), (a) => [
                  { key: 'unbind', label: t('quotas.unbind'), danger: true, testId: 'quota-app-unbind',
                    onClick: () => confirm.one({ title: t('quotas.unbindTitle', { name: a.name }), body: t('quotas.unbindBody'), run: () => unbind.mutateAsync(a.app_id), onDone: () => sel.remove(a.app_id) }) },
                ]),
              ]} />
          )}
        </QueryView>
        <BulkBar selection={sel} testId="quota-apps-bulk-bar">
          <Button danger data-testid="quota-apps-bulk-unbind" onClick={() => confirm.bulk({
            selection: sel, nameOf: (a) => a.name, keyOf: appKey, title: (count) => t('quotas.bulkUnbindTitle', { count }), body: (names) => t('quotas.bulkUnbindBody', { names }),
            okText: t('quotas.unbind'), danger: true, execute: bulkUnbind.mutateAsync, reportTestId: 'quota-unbind',
            doneText: (ok, failed) => t('quotas.bulkUnbindDone', { ok, failed }), failuresTitle: t('quotas.bulkUnbindFailed'),
          })}>{t('quotas.bulkUnbind')}</Button>
        </BulkBar>
      </Panel>
      {bindUsed && (
        <Suspense fallback={null}>
          <BindAppsModal iid={iid} quotaId={quotaId} open={binding} onClose={() => setBinding(false)} />
        </Suspense>
      )}
    </>
  );
}
