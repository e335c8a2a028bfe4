// LINK mutations. Invalidation stays narrow: this instance's lists of the family, the one item's
// detail (and its sub-queries), and the device counts when devices come or go.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { CommandRequest, CreateDeviceGroupRequest, CreateDeviceRequest, CreateProductRequest, CreateServiceRequest, ProductTopicRequest, PropertyRequest, ResetDeviceAuthenticationRequest, ResetProductAuthenticationRequest, SendCommandRequest, UpdateDeviceGroupRequest, UpdateDeviceRequest, UpdateProductRequest, UpdateServiceRequest } from '../../../../contract/link';
import { runBulk } from '../../../api/bulk';
import { ApiError } from '../../../api/errors';
import {
  addDevicesToGroup,
  createCommand,
  createDevice,
  createGroup,
  createProduct,
  createProperty,
  createService,
  createTopic,
  deleteCommand,
  deleteDevice,
  deleteGroup,
  deleteProduct,
  deleteProperty,
  deleteService,
  deleteTopic,
  deviceKeys,
  forceOffline,
  groupKeys,
  linkStatsKey,
  modelKeys,
  productKeys,
  removeDeviceFromGroup,
  resetDeviceAuth,
  resetProductAuth,
  sendCommand,
  updateCommand,
  updateDevice,
  updateGroup,
  updateProduct,
  updateProperty,
  updateService,
  updateTopic,
  type Device,
  type PropertyOwner,
} from '../../../api/link';
import { useDeleteMutation, useSaveMutation } from '../../../api/mutations';

/** A mutation that refetches `keys(vars)` afterwards. */
function useInvalidating<V, R>(fn: (v: V) => Promise<R>, keys: (v: V) => QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_, v) => Promise.all(keys(v).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

// ---- products ----
export const useCreateProduct = (iid: string) => useSaveMutation(productKeys, iid, (b: CreateProductRequest) => createProduct(iid, b));
export const useUpdateProduct = (iid: string) =>
  useSaveMutation(productKeys, iid, ({ id, body }: { id: string; body: UpdateProductRequest }) => updateProduct(iid, id, body));
export const useDeleteProduct = (iid: string) => useDeleteMutation<{ id: string }>(productKeys, iid, deleteProduct);
export function useResetProductAuth(iid: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ResetProductAuthenticationRequest) => resetProductAuth(iid, id, b),
    onSuccess: (c) => qc.setQueryData(productKeys.sub(iid, id, 'auth'), c),
  });
}
export const useSaveTopic = (iid: string, pid: string) =>
  useInvalidating(
    ({ id, body }: { id?: string; body: ProductTopicRequest }) => (id ? updateTopic(iid, pid, id, body) : createTopic(iid, pid, body)),
    () => [productKeys.sub(iid, pid, 'topics')],
  );
export const useDeleteTopic = (iid: string, pid: string) => useInvalidating((id: string) => deleteTopic(iid, pid, id), () => [productKeys.sub(iid, pid, 'topics')]);

// ---- thing model (everything under one product's model subtree) ----
const model = (iid: string, pid: string) => [modelKeys.detail(iid, pid)];
export const useSaveService = (iid: string, pid: string) =>
  useInvalidating(
    ({ id, body }: { id?: string; body: CreateServiceRequest | UpdateServiceRequest }) =>
      id ? updateService(iid, id, body as UpdateServiceRequest) : createService(iid, body as CreateServiceRequest),
    () => model(iid, pid),
  );
export const useDeleteService = (iid: string, pid: string) => useInvalidating((id: string) => deleteService(iid, id), () => model(iid, pid));
export const useSaveProperty = (iid: string, pid: string) =>
  useInvalidating(
    ({ owner, id, body }: { owner: PropertyOwner; id?: string; body: PropertyRequest }) =>
      id ? updateProperty(iid, owner, id, body) : createProperty(iid, owner, body),
    () => model(iid, pid),
  );
export const useDeleteProperty = (iid: string, pid: string) =>
  useInvalidating(({ owner, id }: { owner: PropertyOwner; id: string }) => deleteProperty(iid, owner, id), () => model(iid, pid));
export const useSaveCommand = (iid: string, pid: string) =>
  useInvalidating(
    ({ serviceId, id, body }: { serviceId: string; id?: string; body: CommandRequest }) =>
      id ? updateCommand(iid, serviceId, id, body) : createCommand(iid, serviceId, body),
    () => model(iid, pid),
  );
export const useDeleteCommand = (iid: string, pid: string) =>
  useInvalidating(({ serviceId, id }: { serviceId: string; id: string }) => deleteCommand(iid, serviceId, id), () => model(iid, pid));

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

// ---- groups ----
export const useCreateGroup = (iid: string) => useSaveMutation(groupKeys, iid, (b: CreateDeviceGroupRequest) => createGroup(iid, b));
export const useUpdateGroup = (iid: string) =>
  useSaveMutation(groupKeys, iid, ({ id, body }: { id: string; body: UpdateDeviceGroupRequest }) => updateGroup(iid, id, body));
export const useDeleteGroup = (iid: string) => useDeleteMutation<{ id: string }>(groupKeys, iid, deleteGroup);
export const useAddToGroup = (iid: string, gid: string) =>
  useInvalidating((ids: string[]) => addDevicesToGroup(iid, gid, ids), () => [groupKeys.sub(iid, gid, 'devices')]);
export const useRemoveFromGroup = (iid: string, gid: string) =>
  useInvalidating((deviceId: string) => removeDeviceFromGroup(iid, gid, deviceId), () => [groupKeys.sub(iid, gid, 'devices')]);
