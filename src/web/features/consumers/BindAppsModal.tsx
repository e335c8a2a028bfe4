// Bind apps to a quota: pick among the apps without a quota; one call per app, and a per-app
// report (BulkReport) when some are refused.
import { Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bindableAppsQuery, type AppQuotaApp } from '../../api/apicPolicies';
import type { BulkResult } from '../../api/bulk';
import { BulkReport } from '../../components/list';
import { Muted } from '../../components/ui';
import { useQuotaApps } from './hooks';

export function BindAppsModal({ iid, quotaId, open, onClose }: { iid: string; quotaId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('consumers');
  const apps = useQuery({ ...bindableAppsQuery(iid, quotaId), enabled: open });
  const { bind } = useQuotaApps(iid, quotaId);
  const [picked, setPicked] = useState<string[]>([]);
  const [results, setResults] = useState<BulkResult<string>[] | null>(null);
  const names = new Map((apps.data ?? []).map((a: AppQuotaApp) => [a.app_id, a.name]));

  const close = () => {
    setPicked([]);
    setResults(null);
    onClose();
  };
  const submit = async () => {
    if (results) return close();
    const r = await bind.mutateAsync(picked);
    if (r.every((x) => x.error === undefined)) return close();
    setResults(r);
  };
  const failed = results?.filter((r) => r.error !== undefined).length ?? 0;

  return (
    <Modal open={open} title={t('quotas.bind')} onCancel={close} onOk={() => void submit()} okButtonProps={{ disabled: !results && picked.length === 0 }}
      confirmLoading={bind.isPending}>
      {results ? (
        <BulkReport results={results} summary={t('quotas.bindDone', { ok: results.length - failed, failed })} nameOf={(id) => names.get(id) ?? id} keyOf={(id) => id} testId="bind" />
      ) : apps.data && apps.data.length === 0 ? (
        <Muted>{t('quotas.bindNone')}</Muted>
      ) : (
        <Select mode="multiple" style={{ width: '100%' }} placeholder={t('quotas.bindPick')} value={picked} onChange={setPicked} loading={apps.isLoading}
          data-testid="bind-apps" optionFilterProp="label" options={(apps.data ?? []).map((a) => ({ value: a.app_id, label: a.name }))} />
      )}
    </Modal>
  );
}
