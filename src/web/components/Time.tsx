import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';

dayjs.extend(relativeTime);

const zoneName = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'local';
  }
})();

/** A time in the operator's zone: relative or absolute, the absolute time (with zone) on hover. */
export function Time({ value, mode = 'absolute' }: { value: number | undefined; mode?: 'absolute' | 'relative' }) {
  const { t, i18n } = useTranslation();
  if (value === undefined) return <span>{t('common.none')}</span>;
  const d = dayjs(value).locale(i18n.language === 'zh-CN' ? 'zh-cn' : 'en');
  const absolute = d.format('YYYY-MM-DD HH:mm:ss');
  const shown = mode === 'relative' ? d.fromNow() : absolute;
  return (
    <Tooltip title={t('time.absoluteHint', { time: `${absolute} ${d.format('Z')}`, zone: zoneName })}>
      <time dateTime={new Date(value).toISOString()} style={{ whiteSpace: 'nowrap' }}>
        {shown}
      </time>
    </Tooltip>
  );
}
