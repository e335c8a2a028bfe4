import type { CommandRequest, CreateServiceRequest, PropertyRequest, UpdateServiceRequest } from '../../../../../contract/link';
import { createCommand, createProperty, createService, deleteCommand, deleteProperty, deleteService, modelKeys, updateCommand, updateProperty, updateService, type PropertyOwner } from '../../../../api/link';
import { useInvalidating } from './common';

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
