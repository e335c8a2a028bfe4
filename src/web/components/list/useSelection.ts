// Rows selected across pages (kept by key with the row itself, so a bulk action can name them).
import type { TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';

export interface Selection<T> {
  items: T[];
  keys: string[];
  size: number;
  clear: () => void;
  /** replace the selection (e.g. keep only the items a bulk action failed on) */
  set: (items: readonly T[]) => void;
  remove: (key: string) => void;
  /** antd rowSelection; `blocked(row)` returns why a row cannot be selected */
  rowSelection: (blocked?: (row: T) => string | undefined) => NonNullable<TableProps<T>['rowSelection']>;
}

/** `resetOn`: the selection is cleared when it changes (e.g. the instance id). */
export function useSelection<T>(keyOf: (row: T) => string, resetOn?: unknown): Selection<T> {
  const [selected, setSelected] = useState<Map<string, T>>(new Map());
  useEffect(() => setSelected(new Map()), [resetOn]);
  const set = useCallback((items: readonly T[]) => setSelected(new Map(items.map((r) => [keyOf(r), r]))), [keyOf]);
  const remove = useCallback(
    (key: string) =>
      setSelected((s) => {
        if (!s.has(key)) return s;
        const n = new Map(s);
        n.delete(key);
        return n;
      }),
    [],
  );
  return {
    items: [...selected.values()],
    keys: [...selected.keys()],
    size: selected.size,
    clear: () => setSelected(new Map()),
    set,
    remove,
    rowSelection: (blocked) => ({
      selectedRowKeys: [...selected.keys()],
      preserveSelectedRowKeys: true,
      getCheckboxProps: blocked
        ? (row) => {
            const reason = blocked(row);
            return { disabled: reason !== undefined, title: reason };
          }
        : undefined,
      onChange: (keys, rows) =>
        setSelected((prev) => {
          const next = new Map<string, T>();
          for (const k of keys) {
            const key = String(k);
            const row = (rows as (T | undefined)[]).find((r) => r !== undefined && keyOf(r) === key) ?? prev.get(key);
            if (row !== undefined) next.set(key, row);
          }
          return next;
        }),
    }),
  };
}
