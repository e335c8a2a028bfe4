import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProductRequest, ProductTopicRequest, ResetProductAuthenticationRequest, UpdateProductRequest } from '../../../../../contract/link';
import { createProduct, createTopic, deleteProduct, deleteTopic, productKeys, resetProductAuth, updateProduct, updateTopic } from '../../../../api/link';
import { useDeleteMutation, useSaveMutation } from '../../../../api/mutations';
import { useInvalidating } from './common';

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
