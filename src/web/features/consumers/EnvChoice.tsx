// The environment a policy page shows its APIs for: kept in the URL (?env=…, RELEASE by default,
// so a link or reload keeps it), chosen among the instance's environments.
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_ENV_ID, DEFAULT_ENV_NAME } from '../../../contract/apic';
import { envsQuery } from '../../api/apicEnvs';

export interface EnvChoice { envId: string; envName: string; setEnvId: (id: string) => void; options: { value: string; label: string }[]; loading: boolean }

export function useEnvChoice(iid: string): EnvChoice {
  const [params, setParams] = useSearchParams();
  const raw = params.get('env') ?? '';
  const envId = raw.length > 0 && raw.length <= 64 ? raw : DEFAULT_ENV_ID;
  const envs = useQuery(envsQuery(iid));
  const options = (envs.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  const envName = options.find((o) => o.value === envId)?.label ?? (envId === DEFAULT_ENV_ID ? DEFAULT_ENV_NAME : envId);
  const setEnvId = (id: string) => setParams((p) => {
    const n = new URLSearchParams(p);
    if (id === DEFAULT_ENV_ID) n.delete('env');
    else n.set('env', id);
    return n;
  }, { replace: true });
  return { envId, envName, setEnvId, options, loading: envs.isPending };
}

export function EnvSelect({ env, testId }: { env: EnvChoice; testId?: string }) {
  const { t } = useTranslation('consumers');
  return (
    <Select style={{ width: 200 }} aria-label={t('plugins.env')} value={env.envId} onChange={env.setEnvId} loading={env.loading} data-testid={testId}
      options={env.options.length ? env.options : [{ value: env.envId, label: env.envName }]} />
  );
}
