// The apps authorised to call an API in one environment: authorise more (each app's own result
// shown when one is refused or was already authorised), cancel one authorisation.
import { Modal, Select, Table, type ButtonProps } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedAppsQuery, type ApiAuthInfo } from '../../api/apicApiConsumers';
import { apicAppsQuery } from '../../api/apicApps';
import { normaliseTime } from '../../api/time';
import { ErrorAlert, useShowApiError } from '../../components/ErrorAlert';
import { actionsColumn, BulkReport, useConfirm, type BulkResult } from '../../components/list';
import { Time } from '../../components/Time';
import { ActionButton } from '../../components/ui';
import { unauthorisedApps } from './consumersModel';
import { useAuthorizeApps, useCancelAuthorization } from './consumersHooks';

type Env = { id: string; name: string };

export function ApiAuthsSection({ iid, apiId, env }: { iid: string; apiId: string; env: Env }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const auths = useQuery(authorizedAppsQuery(iid, apiId, env.id));
  const cancel = useCancelAuthorization(iid, apiId);
  const confirm = useConfirm();
  const [adding, setAdding] = useState(false);

  return (
    <div data-testid="api-auths">
      <ActionButton icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 8 }} data-testid="api-auth-add">{t('apiConsumers.authorize')}</ActionButton>
      {auths.isError ? <ErrorAlert error={auths.error} onRetry={() => void auths.refetch()} /> : null}
      <Table<ApiAuthInfo> size="small" rowKey="id" loading={auths.isPending} pagination={false} dataSource={auths.data ?? []} data-testid="api-auths-table"
        locale={{ emptyText: t('apiConsumers.appsEmpty', { env: env.name }) }}
        columns={[
          { title: t('apiConsumers.app'), dataIndex: 'app_name' },
          { title: tc('common.remark'), dataIndex: 'app_remark', ellipsis: true },
          { title: t('appApic.authorizedAt'), dataIndex: 'auth_time', width: 180, render: (v: string | undefined) => <Time value={normaliseTime(v)} /> },
          actionsColumn(tc('common.actions'), (a) => [
            { key: 'cancel', label: t('appApic.cancel'), danger: true, testId: 'api-auth-cancel',
              onClick: () => confirm.one({
                title: t('apiConsumers.cancelTitle', { app: a.app_name, env: env.name }), body: t('apiConsumers.cancelBody'),
                okText: t('appApic.cancel'), danger: true, run: () => cancel.mutateAsync(a),
              }) },
          ], 160),
        ]} />
      {adding ? <AuthorizeAppsModal iid={iid} apiId={apiId} env={env} authorised={auths.data ?? []} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

function AuthorizeAppsModal({ iid, apiId, env, authorised, onClose }: { iid: string; apiId: string; env: Env; authorised: ApiAuthInfo[]; onClose: () => void }) {
  const { t } = useTranslation('apic');
  const apps = useQuery(apicAppsQuery(iid));
  const authorize = useAuthorizeApps(iid, apiId, env.id);
  const showApiError = useShowApiError();
  const [picked, setPicked] = useState<string[]>([]);
  const [results, setResults] = useState<(BulkResult<string> & { skipped: boolean })[] | null>(null);
  const choices = unauthorisedApps(apps.data?.items ?? [], authorised);
  const names = new Map((apps.data?.items ?? []).map((a) => [a.id, a.name]));

  const submit = async () => {
    if (results) return onClose();
    try {
      const r = await authorize.mutateAsync(picked);
      if (r.every((x) => x.error === undefined && !x.skipped)) return onClose();
      setResults(r);
    } catch (err) {
      showApiError(err);
    }
  };
  const failed = results?.filter((r) => r.error !== undefined).length ?? 0;
  const skipped = results?.filter((r) => r.skipped).length ?? 0;

  return (
    <Modal open title={t('apiConsumers.authorizeTitle', { env: env.name })} onCancel={onClose} onOk={() => void submit()} confirmLoading={authorize.isPending}
      okText={results ? undefined : t('apiConsumers.authorize')}
      okButtonProps={{ disabled: !results && picked.length === 0, 'data-testid': 'api-auth-submit' } as ButtonProps}>
      {results ? (
        <BulkReport results={results} testId="api-auth" nameOf={(id) => names.get(id) ?? id} keyOf={(id) => id}
          summary={t('apiConsumers.authorizeDone', { ok: results.length - failed - skipped, skipped, failed })} />
      ) : (
        <>
          {apps.isError ? <ErrorAlert error={apps.error} onRetry={() => void apps.refetch()} /> : null}
          <Select mode="multiple" style={{ width: '100%' }} loading={apps.isPending} value={picked} onChange={setPicked} data-testid="api-auth-apps"
            showSearch={{ optionFilterProp: 'label' }} placeholder={t('apiConsumers.pickApps')} notFoundContent={t('apiConsumers.noApps', { env: env.name })}
            options={choices.map((a) => ({ value: a.id, label: a.name }))} />
        </>
      )}
    </Modal>
  );
}
