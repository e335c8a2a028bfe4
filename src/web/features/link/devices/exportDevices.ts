// The export itself, loaded when the operator clicks Export (not part of the page's first load):
// the matching ids (at most EXPORT_MAX, collected through the list API) or the whole instance,
// from GET …/devices/export, saved as a file.
import { deviceIdsMatching, exportDevices } from '../../../api/link';
import { saveBlob } from './download';
import { toDeviceParams, type DevicesSearch } from './search';

export const EXPORT_MAX = 1000;

export type ExportOutcome = { kind: 'saved' } | { kind: 'tooMany'; total: number } | { kind: 'nothing' };

export async function exportMatching(iid: string, search: DevicesSearch, filtered: boolean): Promise<ExportOutcome> {
  let ids: string[] | undefined;
  if (filtered) {
    const { offset: _o, limit: _l, ...filters } = toDeviceParams(search);
    const m = await deviceIdsMatching(iid, filters, EXPORT_MAX);
    if (m.total > EXPORT_MAX) return { kind: 'tooMany', total: m.total };
    if (m.ids.length === 0) return { kind: 'nothing' };
    ids = m.ids;
  }
  const blob = await exportDevices(iid, ids, false);
  saveBlob(blob, `devices-${iid}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '')}.csv`);
  return { kind: 'saved' };
}
