// The throttling policy bound to an API in one environment (at most one): its limits in words, a
// link to it, unbind; or, when none, bind one of the instance's policies.
import { Button, Descriptions, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { boundThrottleQuery } from '../../api/apicApiConsumers';
import { throttleListQuery } from '../../api/apicPolicies';
import { normaliseTime } from '../../api/time';
import { ErrorAlert, useShowApiError } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/list';
import { TableSkeleton } from '../../components/TableSkeleton';
import { Time } from '../../components/Time';
import type { Translate } from '../../components/ruleText';
import { Muted, Tag } from '../../components/ui';
import { throttleLimits } from './consumersModel';
import { useBindThrottle, useUnbindThrottle } from './consumersHooks';

type Props = { iid: string; apiId: string; env: { id: string; name: string }; live: boolean };

export function ApiThrottleSection({ iid, apiId, env, live }: Props) {
  const { t } = useTranslation('apic');
  const bound = useQuery(boundThrottleQuery(iid, apiId, env.id));
  const unbind = useUnbindThrottle(iid, apiId);
  const confirm = useConfirm();
  const th = bound.data;

  if (bound.isError) return <ErrorAlert error={bound.error} onRetry={() => void bound.refetch()} />;
  if (bound.isPending) return <TableSkeleton rows={2} />;
  if (!th) return <BindThrottle iid={iid} apiId={apiId} env={env} live={live} />;
  return (
    <div data-testid="api-throttle">
      <Descriptions size="small" column={1} bordered items={[
        { key: 'name', label: t('apiConsumers.throttle'), children: (
          <Space>
            <Link to={`/i/${encodeURIComponent(iid)}/throttles?name=${encodeURIComponent(th.name)}`} data-testid="api-throttle-link">{th.name}</Link>
            {th.type === 2 ? <Tag>{t('apiConsumers.shared')}</Tag> : null}
          </Space>
        ) },
        { key: 'limits', label: t('apiConsumers.limitsLabel'), children: <span data-testid="api-throttle-limits">{throttleLimits(th, t as Translate)}</span> },
        { key: 'since', label: t('apiConsumers.boundAt'), children: <Time value={normaliseTime(th.apply_time)} /> },
      ]} />
      <Button danger style={{ marginTop: 8 }} disabled={!th.throttle_apply_id} data-testid="api-throttle-unbind"
        onClick={() => confirm.one({
          title: t('apiConsumers.unbindTitle', { name: th.name, env: env.name }), body: t('apiConsumers.unbindBody'),
          okText: t('apiConsumers.unbind'), danger: true, run: () => unbind.mutateAsync(th.throttle_apply_id ?? ''),
        })}>
        {t('apiConsumers.unbind')}
      </Button>
    </div>
  );
}

function BindThrottle({ iid, apiId, env, live }: Props) {
  const { t } = useTranslation('apic');
  const throttles = useQuery({ ...throttleListQuery(iid, { offset: 0, limit: 500 }), enabled: live });
  const bind = useBindThrottle(iid, apiId, env.id);
  const showApiError = useShowApiError();
  const [picked, setPicked] = useState<string | undefined>();

  const submit = async () => {
    if (!picked) return;
    try {
      await bind.mutateAsync(picked);
      setPicked(undefined);
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <div data-testid="api-throttle">
      <p><Muted testId="api-throttle-none">{t(live ? 'apiConsumers.throttleNone' : 'apiConsumers.throttleNotLive', { env: env.name })}</Muted></p>
      {live ? (
        <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
          <Select style={{ flex: 1 }} value={picked} onChange={setPicked} loading={throttles.isPending} placeholder={t('apiConsumers.pickThrottle')}
            showSearch={{ optionFilterProp: 'label' }} data-testid="api-throttle-pick"
            options={(throttles.data?.items ?? []).map((x) => ({ value: x.id, label: x.name, title: throttleLimits(x, t as Translate) }))} />
          <Button type="primary" disabled={!picked} loading={bind.isPending} onClick={() => void submit()} data-testid="api-throttle-bind">{t('apiConsumers.bind')}</Button>
        </Space.Compact>
      ) : null}
    </div>
  );
}
