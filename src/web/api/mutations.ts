// Mutation hooks every family shares. Invalidation stays narrow: this instance's lists of the
// family and the one item's detail, nothing else.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runBulk } from './bulk';
import type { scopedKeys } from './keys';

type FamilyKeys = ReturnType<typeof scopedKeys<string>>;

/** Create or update: the answer becomes the item's detail cache; the family's lists refetch. */
export function useSaveMutation<V, T extends { id: string }>(keys: FamilyKeys, iid: string, save: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (item) => {
      qc.setQueryData(keys.detail(iid, item.id), item);
      return qc.invalidateQueries({ queryKey: keys.lists(iid) });
    },
  });
}

/** Delete: the item's detail cache goes; the family's lists refetch. */
export function useDeleteMutation<V extends { id: string }>(
  keys: FamilyKeys,
  iid: string,
  remove: (iid: string, id: string) => Promise<void>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: V) => remove(iid, item.id),
    onSuccess: (_, item) => {
      qc.removeQueries({ queryKey: keys.detail(iid, item.id) });
      return qc.invalidateQueries({ queryKey: keys.lists(iid) });
    },
  });
}

/**
 * Delete several items, at most BULK_CONCURRENCY at a time; never throws: resolves to one result
 * per item. The succeeded items' detail caches go; the family's lists refetch once.
 */
export function useBulkDeleteMutation<V extends { id: string }>(
  keys: FamilyKeys,
  iid: string,
  remove: (iid: string, id: string) => Promise<void>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: V[]) => runBulk(items, (item) => remove(iid, item.id)),
    onSuccess: (results) => {
      for (const r of results) if (r.error === undefined) qc.removeQueries({ queryKey: keys.detail(iid, r.item.id) });
      return qc.invalidateQueries({ queryKey: keys.lists(iid) });
    },
  });
}
