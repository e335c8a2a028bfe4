// Devices: filters and server paging in the URL; the visible page's online state refreshes every
// 2 s while the tab is visible; multi-select delete and force offline report per device; drawer,
// form, CSV import and export load on first use.
import { Button } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import UploadOutlined from '@ant-design/icons/es/icons/UploadOutlined';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { deviceListQuery, type Device } from '../../../api/link';
import { BulkBar, ListPage, ListTable, useConfirm, useList, useMountedOnce, useSelection, visiblePoll } from '../../../components/list';
import { useDeviceColumns } from './columns';
import { DeviceFilters } from './DeviceFilters';
import { devicesSearchSchema, toDeviceParams } from './search';
import { useBulkDeleteDevices, useDeleteDevice, useForceOffline } from '../shared/hooks';
import { useExportDevices } from './useExportDevices';

const DeviceFormModal = lazy(() => import('./DeviceFormModal').then((m) => ({ default: m.DeviceFormModal })));
const DeviceDrawer = lazy(() => import('./DeviceDrawer').then((m) => ({ default: m.DeviceDrawer })));
const ImportDialog = lazy(() => import('./ImportDialog'));

const keyOf = (d: Device) => d.id;
const POLL_MS = 2000;

export default function DevicesPage() {
  const { t } = useTranslation('link');
  const { instanceId: iid = '' } = useParams();
  const list = useList(devicesSearchSchema, (s) => ({ ...deviceListQuery(iid, toDeviceParams(s)), ...visiblePoll(POLL_MS) }), { nonFilters: ['device'] });
  const sel = useSelection<Device>(keyOf, iid);
  const confirm = useConfirm();
  const del = useDeleteDevice(iid);
  const bulkDelete = useBulkDeleteDevices(iid);
  const offline = useForceOffline(iid);
  const exporter = useExportDevices(iid, list.search, list.filtered);
  const [form, setForm] = useState<{ open: boolean; device?: Device }>({ open: false });
  const [importOpen, setImportOpen] = useState(false);
  const formUsed = useMountedOnce(form.open);
  const drawerUsed = useMountedOnce(list.search.device !== '');
  const importUsed = useMountedOnce(importOpen);

  const forceOfflineMany = () =>
    confirm.bulk({
      selection: sel,
      nameOf: (d) => d.name,
      keyOf,
      title: (count) => t('devices.offlineTitle', { count }),
      body: (quoted) => t('devices.offlineBody', { names: quoted }),
      okText: t('devices.forceOffline'),
      danger: false,
      execute: offline.mutateAsync,
      doneText: (ok, failed) => t('devices.offlineDone', { ok, failed }),
      failuresTitle: t('devices.offlineFailures'),
      reportTestId: 'devices-offline',
    });
  const columns = useDeviceColumns(iid, {
    open: (device) => list.setSearch({ device }),
    edit: (device) => setForm({ open: true, device }),
    forceOffline: (d) =>
      confirm.one({
        title: t('devices.offlineOneTitle', { name: d.name }),
        body: t('devices.offlineOneBody'),
        okText: t('devices.forceOffline'),
        danger: false,
        run: async () => {
          const [r] = await offline.mutateAsync([d]);
          if (r?.error) throw r.error;
        },
        success: t('devices.offlineOneDone', { name: d.name }),
      }),
    remove: (d) =>
      confirm.one({
        title: t('devices.deleteTitle', { name: d.name }),
        body: t('devices.deleteBody'),
        run: () => del.mutateAsync(d),
        success: t('devices.deleted', { name: d.name }),
        onDone: () => (sel.remove(d.id), list.search.device === d.id && list.setSearch({ device: '' })),
      }),
  });

  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="device-create">
      {t('devices.create')}
    </Button>
  );
  const primary = (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="devices-import">
        {t('import.open')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={exporter.pending} onClick={exporter.run} data-testid="devices-export">
        {list.filtered ? t('devices.exportFiltered') : t('devices.exportAll')}
      </Button>
      {create}
    </>
  );

  return (
    <ListPage id="devices" title={t('devices.title')} subtitle={t('devices.subtitle')} primary={primary} query={list.query} filters={<DeviceFilters iid={iid} search={list.search} set={list.setFilters} />}>
      <ListTable
        list={list}
        id="devices"
        columns={columns}
        selection={sel}
        scrollX={960}
        empty={{ title: t('devices.emptyTitle'), hint: t('devices.emptyHint'), action: create }}
        emptyFiltered={{ title: t('devices.emptyFilteredTitle') }}
      />
      <BulkBar selection={sel} testId="devices-bulk-bar">
        <Button onClick={forceOfflineMany} loading={offline.isPending} data-testid="devices-bulk-offline">
          {t('devices.forceOffline')}
        </Button>
        <Button
          danger
          type="primary"
          loading={bulkDelete.isPending}
          data-testid="devices-bulk-delete"
          onClick={() =>
            confirm.bulk({
              selection: sel,
              nameOf: (d) => d.name,
              keyOf,
              title: (count) => t('devices.bulkDeleteTitle', { count }),
              body: (quoted) => t('devices.bulkDeleteBody', { names: quoted }),
              execute: bulkDelete.mutateAsync,
              doneText: (ok, failed) => t('devices.bulkDeleteDone', { ok, failed }),
              failuresTitle: t('devices.bulkDeleteFailures'),
              reportTestId: 'devices-delete',
            })
          }
        >
          {t('devices.bulkDelete')}
        </Button>
      </BulkBar>
      <Suspense fallback={null}>
        {formUsed ? <DeviceFormModal iid={iid} open={form.open} device={form.device} productId={list.search.product || undefined} onClose={() => setForm({ open: false })} /> : null}
        {drawerUsed ? <DeviceDrawer iid={iid} deviceId={list.search.device} onClose={() => list.setSearch({ device: '' })} onEdit={(device) => setForm({ open: true, device })} /> : null}
        {importUsed ? <ImportDialog iid={iid} open={importOpen} onClose={() => setImportOpen(false)} /> : null}
      </Suspense>
    </ListPage>
  );
}
