// An API's state in every environment at a glance: one tag per environment, filled when live.
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApicEnv, LiveIn } from '../../api/apic';
import { Tag } from '../../components/ui';

export function EnvStates({ envs, live }: { envs: ApicEnv[]; live: LiveIn[] }) {
  const { t } = useTranslation('apic');
  return (
    <Space size={4} wrap>
      {envs.map((e) => {
        const on = live.some((l) => l.envId === e.id);
        return (
          <Tag key={e.id} tone={on ? 'success' : 'default'} title={t(on ? 'apis.liveIn' : 'apis.notLiveIn', { env: e.name })} data-env={e.name} data-live={on ? 'yes' : 'no'}>
            {on ? '● ' : '○ '}
            {e.name}
          </Tag>
        );
      })}
    </Space>
  );
}
