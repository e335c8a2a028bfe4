// Parts of an API the editor shows but does not edit: its VPC channel and its policy backends.
// They are kept exactly as saved (editorCarry.ts) and roma-local's gateway does not call them.
import { useTranslation } from 'react-i18next';
import type { ApiCreateRequest } from '../../../contract/apic';
import { Callout } from '../../components/ui';
import { policyBackends } from './editorCarry';

export function VpcChannel({ carry }: { carry?: ApiCreateRequest }) {
  const { t } = useTranslation('apic');
  const b = carry?.backend_api;
  if (!b?.vpc_channel_info && b?.vpc_channel_status !== 1) return null;
  const v = b.vpc_channel_info;
  return (
    <Callout tone="info" title={t('editor.vpcTitle')} testId="vpc-channel">
      <p>{t('editor.vpcNote')}</p>
      {/* plain markup: no extra antd component in the editor's chunk */}
      <ul style={{ margin: 0 }}>
        <li>{t('editor.vpcUsed')}: {b.vpc_channel_status === 1 ? t('editor.ruleOn') : t('editor.ruleOff')}</li>
        <li>{t('editor.vpcId')}: <code>{v?.vpc_channel_id ?? '—'}</code></li>
        <li>{t('editor.vpcHost')}: {v?.vpc_channel_proxy_host || '—'}</li>
        <li>{t('editor.vpcPort')}: {v?.vpc_channel_port ?? '—'}</li>
      </ul>
    </Callout>
  );
}

export function PolicyBackends({ carry }: { carry?: ApiCreateRequest }) {
  const { t } = useTranslation('apic');
  const rows = policyBackends(carry);
  if (rows.length === 0) return null;
  return (
    <Callout tone="info" title={t('editor.policiesTitle', { count: rows.length })} testId="policy-backends">
      <p>{t('editor.policiesNote')}</p>
      <ul style={{ margin: 0 }}>
        {rows.map((r) => <li key={`${r.kind}:${r.name}`} data-testid="policy-backend">{r.kind} · {r.name} → <code>{r.target}</code></li>)}
      </ul>
    </Callout>
  );
}
