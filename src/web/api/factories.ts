// Small generic factories for list/detail query options (one shape for every family),
// shared by hooks and anything else that needs to prefetch or read the cache.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListParams } from './keys';

export interface Page<T> {
  items: T[];
  total: number;
}

export function listQueryFactory<P extends ListParams, T>(
  key: (iid: string, params: P) => readonly unknown[],
  fetch: (iid: string, params: P, signal: AbortSignal) => Promise<Page<T>>,
) {
  return (iid: string, params: P) =>
    queryOptions({
      queryKey: key(iid, params),
      queryFn: ({ signal }) => fetch(iid, params, signal),
      placeholderData: keepPreviousData,
    });
}

export function detailQueryFactory<T>(
  key: (iid: string, id: string) => readonly unknown[],
  fetch: (iid: string, id: string, signal: AbortSignal) => Promise<T>,
) {
  return (iid: string, id: string) =>
    queryOptions({
      queryKey: key(iid, id),
      queryFn: ({ signal }) => fetch(iid, id, signal),
    });
}
