import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDeviceRequest, ResetDeviceAuthenticationRequest, SendCommandRequest, UpdateDeviceRequest } from '../../../../../contract/link';
import { runBulk } from '../../../../api/bulk';
import { ApiError } from '../../../../api/errors';
import { createDevice, deleteDevice, deviceKeys, forceOffline, linkStatsKey, productKeys, resetDeviceAuth, sendCommand, updateDevice, type Device } from '../../../../api/link';
import { useDeleteMutation, useSaveMutation } from '../../../../api/mutations';
import { useInvalidating } from './common';

// ---- devices ----
const counts = (iid: string) => [linkStatsKey(iid), productKeys.details(iid)];
export function useCreateDevice(iid: string) {
  const qc = useQueryClient();
  const save = useSaveMutation(deviceKeys, iid, (b: CreateDeviceRequest) => createDevice(iid, b));
  return {
    ...save,
    mutateAsync: async (b: CreateDeviceRequest) => {
      const d = await save.mutateAsync(b);
      for (const queryKey of counts(iid)) void qc.invalidateQueries({ queryKey });
      return d;
    },
  };
}
export const useUpdateDevice = (iid: string) =>
  useSaveMutation(deviceKeys, iid, ({ id, body }: { id: string; body: UpdateDeviceRequest }) => updateDevice(iid, id, body));
export const useDeleteDevice = (iid: string) => useDeleteMutation<{ id: string }>(deviceKeys, iid, deleteDevice);

/** Delete several devices (bounded concurrency); one result per device, never throws. */
export function useBulkDeleteDevices(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Device[]) => runBulk(items, (d) => deleteDevice(iid, d.id)),
    onSuccess: (results) => {
      for (const r of results) if (r.error === undefined) qc.removeQueries({ queryKey: deviceKeys.detail(iid, r.item.id) });
      return Promise.all([deviceKeys.lists(iid), ...counts(iid)].map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

/** Force offline in one request; the answer's success/failed lists become one result per device. */
export function useForceOffline(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (items: Device[]) => {
      const out = await forceOffline(iid, items.map((d) => d.id));
      const byId = new Map(out.map((o) => [o.id, o.error]));
      return items.map((item) => {
        const e = byId.get(item.id);
        return { item, error: e ? new ApiError({ status: 409, code: e.code, message: e.message }) : undefined };
      });
    },
    onSuccess: () => Promise.all([deviceKeys.lists(iid), linkStatsKey(iid)].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}
export function useResetDeviceAuth(iid: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ResetDeviceAuthenticationRequest) => resetDeviceAuth(iid, id, b),
    onSuccess: (c) => qc.setQueryData(deviceKeys.sub(iid, id, 'auth'), c),
  });
}
export const useSendCommand = (iid: string, id: string) =>
  useInvalidating((b: SendCommandRequest) => sendCommand(iid, id, b), () => [deviceKeys.sub(iid, id, 'shadow')]);
