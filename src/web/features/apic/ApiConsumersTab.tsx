// Who consumes an API, one environment at a time (the env in the URL): the apps authorised to call
// it, the plugins attached to it and its throttling policy. Lazy: its own chunk, loaded with the tab.
import { Divider, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_ENV_ID } from '../../../contract/apic';
import type { Api, ApicEnv } from '../../api/apic';
import { Muted } from '../../components/ui';
import { ApiAuthsSection } from './ApiAuthsSection';
import { ApiPluginsSection } from './ApiPluginsSection';
import { ApiThrottleSection } from './ApiThrottleSection';

export default function ApiConsumersTab({ iid, api, envs }: { iid: string; api: Api; envs: ApicEnv[] }) {
  const { t } = useTranslation('apic');
  const [params, setParams] = useSearchParams();
  const options = envs.length > 0 ? envs : [{ id: DEFAULT_ENV_ID, name: 'RELEASE' }];
  const asked = params.get('env');
  const env = options.find((e) => e.id === asked) ?? options.find((e) => e.id === DEFAULT_ENV_ID) ?? options[0]!;
  const live = api.live.some((l) => l.envId === env.id);

  return (
    <div data-testid="api-consumers">
      <Segmented value={env.id} data-testid="api-consumers-env" style={{ marginBottom: 8 }}
        onChange={(v) => setParams((p) => { p.set('env', String(v)); return p; }, { replace: true })}
        options={options.map((e) => ({ value: e.id, label: e.name }))} />
      {live ? null : <div><Muted testId="api-consumers-not-live">{t('apiConsumers.notLive', { env: env.name })}</Muted></div>}
      <Divider titlePlacement="start">{t('apiConsumers.appsTitle')}</Divider>
      <ApiAuthsSection iid={iid} apiId={api.id} env={env} />
      <Divider titlePlacement="start">{t('apiConsumers.pluginsTitle')}</Divider>
      <ApiPluginsSection iid={iid} apiId={api.id} env={env} />
      <Divider titlePlacement="start">{t('apiConsumers.throttleTitle')}</Divider>
      <ApiThrottleSection iid={iid} apiId={api.id} env={env} live={live} />
    </div>
  );
}
