// Export the devices the list shows: the whole instance when unfiltered, else the matching ids
// (collected through the list API, at most 1000) passed to GET …/devices/export, saved as a file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceIdsMatching, exportDevices } from '../../../api/link';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { saveBlob } from './download';
import { toDeviceParams, type DevicesSearch } from './search';

export const EXPORT_MAX = 1000;

export function useExportDevices(iid: string, search: DevicesSearch, filtered: boolean) {
  const { t } = useTranslation('link');
  const showApiError = useShowApiError();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      let ids: string[] | undefined;
      if (filtered) {
        const { offset: _o, limit: _l, ...filters } = toDeviceParams(search);
        const m = await deviceIdsMatching(iid, filters, EXPORT_MAX);
        if (m.total > EXPORT_MAX) return feedback.error({ title: t('devices.exportTooMany', { total: m.total, max: EXPORT_MAX }) });
        if (m.ids.length === 0) return feedback.error({ title: t('devices.exportNothing') });
        ids = m.ids;
      }
      const blob = await exportDevices(iid, ids, false);
      saveBlob(blob, `devices-${iid}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '')}.csv`);
    } catch (err) {
      showApiError(err, t('devices.exportFailed'));
    } finally {
      setPending(false);
    }
  };
  return { pending, run: () => void run() };
}
