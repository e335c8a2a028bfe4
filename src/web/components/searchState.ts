// List state in the URL, parsed with zod; every field has a .catch() default so a hand-edited
// URL never breaks the page. Defaults are left out of the URL.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

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
