// A device's state with colour and text: online green, offline grey, never connected default,
// disabled orange. The last online time goes beside it (a status without "last seen" misleads).
import { useToken } from '../../../components/themeToken';
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../../../api/link';
import { Tag, type TagTone } from '../../../components/ui';

const TONE: Record<DeviceState, TagTone> = { online: 'success', offline: 'default', never: 'default', disabled: 'warning' };

export function DeviceStatusTag({ state }: { state: DeviceState }) {
  const { t } = useTranslation('link');
  const { token } = useToken();
  const dot = state === 'online' ? token.colorSuccess : state === 'offline' ? token.colorTextQuaternary : state === 'disabled' ? token.colorWarning : undefined;
  return (
    <Tag tone={TONE[state]} testId="device-status" data-status={state}>
      {dot ? <span aria-hidden style={{ display: 'inline-block', width: 6, height: 6, borderRadius: 3, background: dot, marginInlineEnd: 6, verticalAlign: 'middle' }} /> : null}
      {t(`state.${state}`)}
    </Tag>
  );
}
