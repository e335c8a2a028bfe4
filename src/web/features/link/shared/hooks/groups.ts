import type { CreateDeviceGroupRequest, UpdateDeviceGroupRequest } from '../../../../../contract/link';
import { addDevicesToGroup, createGroup, deleteGroup, groupKeys, removeDeviceFromGroup, updateGroup } from '../../../../api/link';
import { useDeleteMutation, useSaveMutation } from '../../../../api/mutations';
import { useInvalidating } from './common';

// ---- groups ----
export const useCreateGroup = (iid: string) => useSaveMutation(groupKeys, iid, (b: CreateDeviceGroupRequest) => createGroup(iid, b));
export const useUpdateGroup = (iid: string) =>
  useSaveMutation(groupKeys, iid, ({ id, body }: { id: string; body: UpdateDeviceGroupRequest }) => updateGroup(iid, id, body));
export const useDeleteGroup = (iid: string) => useDeleteMutation<{ id: string }>(groupKeys, iid, deleteGroup);
export const useAddToGroup = (iid: string, gid: string) =>
  useInvalidating((ids: string[]) => addDevicesToGroup(iid, gid, ids), () => [groupKeys.sub(iid, gid, 'devices')]);
export const useRemoveFromGroup = (iid: string, gid: string) =>
  useInvalidating((deviceId: string) => removeDeviceFromGroup(iid, gid, deviceId), () => [groupKeys.sub(iid, gid, 'devices')]);
