// The APIs an app is authorised to call, one environment at a time: authorise more, cancel.
import { Button, Modal, Segmented, Select, Table, Typography } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ENV_ID } from '../../../contract/apic';
import { envsQuery } from '../../api/apic';
import { appAuthsQuery, unboundApisQuery, type ApiAuthInfo } from '../../api/apicApps';
import { normaliseTime } from '../../api/time';
import { ErrorAlert, useShowApiError } from '../../components/ErrorAlert';
import { actionsColumn, useConfirm } from '../../components/list';
import { Time } from '../../components/Time';
import { ActionButton } from '../../components/ui';
import { apiLabel } from './apicModel';
import { useAuthorize, useCancelAuth } from './apicHooks';

export function AppAuthsSection({ iid, appId, canModify }: { iid: string; appId: string; canModify: boolean }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const envs = useQuery(envsQuery(iid));
  const [envId, setEnvId] = useState(DEFAULT_ENV_ID);
  const auths = useQuery(appAuthsQuery(iid, appId, envId));
  const cancel = useCancelAuth(iid, appId);
  const confirm = useConfirm();
  const [adding, setAdding] = useState(false);
  const envName = envs.data?.items.find((e) => e.id === envId)?.name ?? envId;
  const noModify = canModify ? undefined : tc('common.noPermission', { role: tc('apps.role.modify') });

  return (
    <div data-testid="app-auths">
      <Typography.Paragraph type="secondary">{t('appApic.authsHint')}</Typography.Paragraph>
      <Segmented
        value={envId}
        onChange={(v) => setEnvId(String(v))}
        options={(envs.data?.items ?? [{ id: DEFAULT_ENV_ID, name: 'RELEASE' }]).map((e) => ({ value: e.id, label: e.name }))}
        style={{ marginBottom: 12, marginRight: 12 }}
        data-testid="app-auths-env"
      />
      <ActionButton icon={<PlusOutlined />} blockedReason={noModify} onClick={() => setAdding(true)} data-testid="app-auth-add">
        {t('appApic.authorize')}
      </ActionButton>
      {auths.isError ? <ErrorAlert error={auths.error} onRetry={() => void auths.refetch()} /> : null}
      <Table<ApiAuthInfo>
        size="small"
        rowKey="id"
        loading={auths.isPending}
        pagination={false}
        dataSource={auths.data?.items ?? []}
        data-testid="app-auths-table"
        locale={{ emptyText: t('appApic.authsEmpty', { env: envName }) }}
        columns={[
          { title: t('appApic.api'), dataIndex: 'api_name' },
          { title: t('apis.group'), dataIndex: 'group_name' },
          { title: t('appApic.authorizedAt'), dataIndex: 'auth_time', width: 180, render: (v: string | undefined) => <Time value={normaliseTime(v)} /> },
          actionsColumn(tc('common.actions'), (a) => [
            {
              key: 'cancel', label: t('appApic.cancel'), danger: true, blockedReason: noModify,
              onClick: () => confirm.one({
                title: t('appApic.cancelTitle', { api: a.api_name, env: a.env_name }), body: t('appApic.cancelBody'),
                okText: t('appApic.cancel'), danger: true, run: () => cancel.mutateAsync(a.id),
              }),
            },
          ], 120),
        ]}
      />
      {adding ? <AuthorizeModal iid={iid} appId={appId} envId={envId} envName={envName} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

function AuthorizeModal({ iid, appId, envId, envName, onClose }: { iid: string; appId: string; envId: string; envName: string; onClose: () => void }) {
  const { t } = useTranslation('apic');
  const unbound = useQuery(unboundApisQuery(iid, appId, envId));
  const authorize = useAuthorize(iid, appId);
  const showApiError = useShowApiError();
  const [picked, setPicked] = useState<string[]>([]);

  const submit = async () => {
    try {
      await authorize.mutateAsync({ env_id: envId, api_ids: picked });
      onClose();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <Modal
      open
      title={t('appApic.authorizeTitle', { env: envName })}
      okText={t('appApic.authorize')}
      okButtonProps={{ disabled: picked.length === 0, loading: authorize.isPending, 'data-testid': 'app-auth-submit' } as React.ComponentProps<typeof Button>}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('appApic.authorizeHint')}</Typography.Paragraph>
      {unbound.isError ? <ErrorAlert error={unbound.error} onRetry={() => void unbound.refetch()} /> : null}
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        loading={unbound.isPending}
        value={picked}
        onChange={setPicked}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('appApic.pickApis')}
        notFoundContent={t('appApic.noApis', { env: envName })}
        options={(unbound.data?.items ?? []).map((a) => ({ value: a.id, label: apiLabel(a) }))}
        data-testid="app-auth-apis"
      />
    </Modal>
  );
}
