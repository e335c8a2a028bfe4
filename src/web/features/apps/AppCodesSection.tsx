// An app's AppCodes (simple authentication with the X-Apig-AppCode header): generate, copy, delete.
import { Table, Typography } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { appCodesQuery, type AppCode } from '../../api/apicApps';
import { normaliseTime } from '../../api/time';
import { ErrorAlert, useShowApiError } from '../../components/ErrorAlert';
import { actionsColumn, useConfirm } from '../../components/list';
import { Time } from '../../components/Time';
import { ActionButton, CopyButton, Code } from '../../components/ui';
import { MAX_APP_CODES_SHOWN, maskCode } from './apicModel';
import { useDeleteAppCode, useGenerateAppCode } from './apicHooks';

export function AppCodesSection({ iid, appId, canModify }: { iid: string; appId: string; canModify: boolean }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const codes = useQuery(appCodesQuery(iid, appId));
  const generate = useGenerateAppCode(iid, appId);
  const remove = useDeleteAppCode(iid, appId);
  const confirm = useConfirm();
  const showApiError = useShowApiError();
  const rows = codes.data?.items ?? [];
  const full = rows.length >= MAX_APP_CODES_SHOWN;
  const blocked = !canModify ? tc('common.noPermission', { role: tc('apps.role.modify') }) : full ? t('appApic.codesFull', { max: MAX_APP_CODES_SHOWN }) : undefined;

  const onGenerate = async () => {
    try {
      await generate.mutateAsync(undefined);
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <div data-testid="app-codes">
      <Typography.Paragraph type="secondary">{t('appApic.codesHint')}</Typography.Paragraph>
      <ActionButton icon={<PlusOutlined />} blockedReason={blocked} loading={generate.isPending} onClick={() => void onGenerate()} style={{ marginBottom: 12 }} data-testid="app-code-generate">
        {t('appApic.generate')}
      </ActionButton>
      {codes.isError ? <ErrorAlert error={codes.error} onRetry={() => void codes.refetch()} /> : null}
      <Table<AppCode>
        size="small"
        rowKey="id"
        loading={codes.isPending}
        pagination={false}
        dataSource={rows}
        data-testid="app-codes-table"
        locale={{ emptyText: t('appApic.codesEmpty') }}
        columns={[
          {
            title: t('appApic.code'),
            dataIndex: 'app_code',
            render: (v: string) => (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                <Code>{maskCode(v)}</Code>
                <CopyButton text={v} label={t('appApic.code')} testId="app-code-copy" />
              </span>
            ),
          },
          { title: tc('common.created'), dataIndex: 'create_time', width: 180, render: (v: string | undefined) => <Time value={normaliseTime(v)} /> },
          actionsColumn(tc('common.actions'), (c) => [
            {
              key: 'del', label: tc('common.delete'), danger: true,
              blockedReason: canModify ? undefined : tc('common.noPermission', { role: tc('apps.role.modify') }),
              onClick: () => confirm.one({ title: t('appApic.deleteCodeTitle', { code: maskCode(c.app_code) }), body: t('appApic.deleteCodeBody'), run: () => remove.mutateAsync(c.id) }),
            },
          ], 100),
        ]}
      />
    </div>
  );
}
