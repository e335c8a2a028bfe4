// Query keys. Everything that belongs to an instance starts with ['instance', iid], so switching
// instance (or invalidating one) touches exactly one subtree.
export type ListParams = Record<string, string | number | boolean | undefined>;

/** Drop undefined/empty values so equal filters give equal keys. */
export function cleanParams<P extends ListParams>(p: P): Partial<P> {
  const out: Partial<P> = {};
  for (const k of Object.keys(p).sort() as (keyof P)[]) {
    const v = p[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

export const sessionKey = ['session'] as const;

export const instanceKeys = {
  all: ['instances'] as const,
  list: (params: ListParams = {}) => ['instances', 'list', cleanParams(params)] as const,
  scope: (iid: string) => ['instance', iid] as const,
  detail: (iid: string) => ['instance', iid, 'detail'] as const,
};

/** Key helpers for one instance-scoped resource family ('apps', 'dictionaries', …). */
export function scopedKeys<F extends string>(family: F) {
  return {
    all: (iid: string) => ['instance', iid, family] as const,
    lists: (iid: string) => ['instance', iid, family, 'list'] as const,
    list: (iid: string, params: ListParams = {}) => ['instance', iid, family, 'list', cleanParams(params)] as const,
    details: (iid: string) => ['instance', iid, family, 'detail'] as const,
    detail: (iid: string, id: string) => ['instance', iid, family, 'detail', id] as const,
    sub: (iid: string, id: string, what: string) => ['instance', iid, family, 'detail', id, what] as const,
  };
}

export const appKeys = scopedKeys('apps');
export const dictionaryKeys = scopedKeys('dictionaries');
