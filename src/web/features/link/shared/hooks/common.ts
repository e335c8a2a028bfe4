import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

// LINK mutations. Invalidation stays narrow: this instance's lists of the family, the one item's
// detail (and its sub-queries), and the device counts when devices come or go.

/** A mutation that refetches `keys(vars)` afterwards. */
export function useInvalidating<V, R>(fn: (v: V) => Promise<R>, keys: (v: V) => QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_, v) => Promise.all(keys(v).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}
