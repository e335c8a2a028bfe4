// Export the devices the list shows: the whole instance when unfiltered, else the matching ids.
// The work lives in exportDevices.ts, fetched on the first click.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import type { DevicesSearch } from './search';

export function useExportDevices(iid: string, search: DevicesSearch, filtered: boolean) {
  const { t } = useTranslation('link');
  const showApiError = useShowApiError();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      const { exportMatching, EXPORT_MAX } = await import('./exportDevices');
      const r = await exportMatching(iid, search, filtered);
      if (r.kind === 'tooMany') feedback.error({ title: t('devices.exportTooMany', { total: r.total, max: EXPORT_MAX }) });
      if (r.kind === 'nothing') feedback.error({ title: t('devices.exportNothing') });
    } catch (err) {
      showApiError(err, t('devices.exportFailed'));
    } finally {
      setPending(false);
    }
  };
  return { pending, run: () => void run() };
}
