// URL state → list query: the page's zod schema (every field with a .catch() default) is the
// single source of the list's filters, paging and sort; setters write the URL.
import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Page } from '../../api/factories';
import { pagedTablePagination, useSearchState } from '../searchState';

/** Fields that are paging or view state, not filters (they do not make the list "filtered"). */
const NOT_FILTERS = ['offset', 'limit', 'sort'];

type Paged = { offset: number; limit: number };
type SetSearch<S> = (patch: Partial<S>, opts?: { replace?: boolean }) => void;

export interface ListState<S extends Paged> {
  search: S;
  /** write fields into the URL as they are (paging, drawer id, …) */
  setSearch: SetSearch<S>;
  /** change filters: back to the first page */
  setFilters: (patch: Partial<S>) => void;
  /** every filter back to its default, first page */
  clearFilters: () => void;
  /** some filter differs from its default (the empty state then offers "Clear filters") */
  filtered: boolean;
  /** antd Table pagination for `total` items, reflected in the URL */
  pagination: (total: number) => TablePaginationConfig;
}

/** Typed URL state for a list page. `nonFilters`: other keys that are view state (e.g. a drawer's id). */
export function useListState<Sch extends z.ZodObject>(
  schema: Sch,
  opts: { nonFilters?: readonly (keyof z.infer<Sch> & string)[] } = {},
): ListState<z.infer<Sch> & Paged> {
  type S = z.infer<Sch> & Paged;
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState(schema) as unknown as [S, SetSearch<S>];
  const defaults = useMemo(() => schema.parse({}) as S, [schema]);
  const skip = useMemo(() => new Set([...NOT_FILTERS, ...(opts.nonFilters ?? [])]), [opts.nonFilters]);
  const filterKeys = Object.keys(defaults).filter((k) => !skip.has(k));
  const filtered = filterKeys.some((k) => search[k] !== defaults[k]);
  const setFilters = useCallback((patch: Partial<S>) => setSearch({ ...patch, offset: 0 }), [setSearch]);
  const clearFilters = () => setSearch({ ...Object.fromEntries(filterKeys.map((k) => [k, defaults[k]])), offset: 0 } as Partial<S>);
  const pagination = (total: number) => pagedTablePagination(search, total, (p) => setSearch(p as Partial<S>), t);
  return { search, setSearch, setFilters, clearFilters, filtered, pagination };
}

export interface List<S extends Paged, T> extends ListState<S> {
  query: UseQueryResult<Page<T>>;
}


/**
 * URL state + the list query built from it. A hand-edited offset past the end goes to the last
 * page (replacing the history entry).
 */
export function useList<Sch extends z.ZodObject, T, K extends readonly unknown[]>(
  schema: Sch,
  /** the list's query options (e.g. from listQueryFactory) for the current URL state */
  toQuery: (search: z.infer<Sch> & Paged) => UseQueryOptions<Page<T>, Error, Page<T>, K>,
  opts: { nonFilters?: readonly (keyof z.infer<Sch> & string)[] } = {},
): List<z.infer<Sch> & Paged, T> {
  const state = useListState(schema, opts);
  const query = useQuery(toQuery(state.search));
  const { search, setSearch } = state;
  const total = query.data?.total ?? 0;
  const pageEmpty = query.data !== undefined && query.data.items.length === 0 && !query.isPlaceholderData;
  useEffect(() => {
    if (pageEmpty && search.offset > 0 && total > 0) {
      setSearch({ offset: Math.floor((total - 1) / search.limit) * search.limit } as never, { replace: true });
    }
  }, [pageEmpty, search.offset, search.limit, total, setSearch]);
  return { ...state, query };
}
