// Small generic factories for list/detail query options (one shape for every family),
// shared by hooks and anything else that needs to prefetch or read the cache, and for the
// item requests every family has.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { http, parseWith } from './http';
import type { ListParams } from './keys';
import { seg } from './project';

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

/**
 * get/create/update/delete of one item under `base(iid)` (…/{id} for one item): every answer is
 * validated with `schema` and mapped with `fromWire`; `what` names it in a bad-response error.
 */
export function itemCrudFactory<S extends z.ZodType, T, C, U>(
  base: (iid: string) => string,
  schema: S,
  fromWire: (wire: z.infer<S>) => T,
  what: string,
) {
  const one = (data: unknown): T => fromWire(parseWith(schema, data, what));
  const at = (iid: string, id: string) => `${base(iid)}/${seg(id)}`;
  return {
    get: async (iid: string, id: string, signal?: AbortSignal): Promise<T> => one((await http.get(at(iid, id), { signal })).data),
    create: async (iid: string, body: C): Promise<T> => one((await http.post(base(iid), body)).data),
    update: async (iid: string, id: string, body: U): Promise<T> => one((await http.put(at(iid, id), body)).data),
    remove: async (iid: string, id: string): Promise<void> => {
      await http.delete(at(iid, id));
    },
  };
}
