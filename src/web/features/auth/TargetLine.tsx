// "Connected to …": the cloud and region (or the embedded roma-local) this console logs in to.
import CloudServerOutlined from '@ant-design/icons/es/icons/CloudServerOutlined';
import { useTranslation } from 'react-i18next';
import type { BffTarget } from '../../api/bffInfo';
import { Muted } from '../../components/uiLight';

export function TargetLine({ target }: { target: BffTarget }) {
  const { t } = useTranslation();
  const text =
    target.kind === 'roma-local'
      ? t('auth.target.roma-local', { endpoint: target.endpoint })
      : target.region
        ? t('auth.target.cloud', { region: target.region, endpoint: target.endpoint })
        : t('auth.target.cloudNoRegion', { endpoint: target.endpoint });
  return (
    <p style={{ margin: '0 0 16px', fontSize: 12 }} data-testid="login-target" data-kind={target.kind} data-region={target.region ?? ''}>
      <Muted>
        <CloudServerOutlined aria-hidden /> {text}
      </Muted>
    </p>
  );
}
