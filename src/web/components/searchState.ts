// List state in the URL, parsed with zod; every field has a .catch() default so a hand-edited
// URL never breaks the page. Defaults are left out of the URL.
import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The name filter and offset/limit paging of a server-paged list; spread into its z.object(). */
export function pagedSearchFields(nameMax: number) {
  return {
    name: z
      .string()
      .transform((s) => s.trim().slice(0, nameMax))
      .catch(''),
    offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
    limit: z.coerce
      .number()
      .int()
      .refine((v) => (PAGE_SIZES as readonly number[]).includes(v))
      .catch(DEFAULT_PAGE_SIZE),
  };
}

interface Paging {
  offset: number;
  limit: number;
}

/** antd Table pagination driven by offset/limit in the URL (a new page size goes back to the first page). */
export function pagedTablePagination(search: Paging, total: number, setSearch: (p: Paging) => void, t: TFunction): TablePaginationConfig {
  return {
    current: Math.floor(search.offset / search.limit) + 1,
    pageSize: search.limit,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (page, size) => setSearch({ offset: size !== search.limit ? 0 : (page - 1) * size, limit: size }),
  };
}

export function parseSearch<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) raw[k] = v;
  const r = schema.safeParse(raw);
  // every field has .catch(); a failure here would be a schema bug, so fall back to the defaults
  return r.success ? r.data : (schema.parse({}) as z.infer<S>);
}

export function serialiseSearch<T extends Record<string, unknown>>(
  values: T,
  defaults: T,
  base?: URLSearchParams,
): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || v === defaults[k]) out.delete(k);
    else out.set(k, String(v));
  }
  return out;
}

export function useSearchState<S extends z.ZodObject>(schema: S) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => parseSearch(schema, params), [schema, params]);
  const defaults = useMemo(() => schema.parse({}) as z.infer<S>, [schema]);
  const update = useCallback(
    (patch: Partial<z.infer<S>>, opts?: { replace?: boolean }) => {
      setParams((prev) => serialiseSearch({ ...parseSearch(schema, prev), ...patch }, defaults, prev), {
        replace: opts?.replace,
      });
    },
    [schema, defaults, setParams],
  );
  return [values, update] as const;
}
