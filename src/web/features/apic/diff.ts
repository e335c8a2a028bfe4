// Side-by-side diff of two API versions: both are flattened to `path: value` lines (ids, times
// and other bookkeeping left out), then aligned with a longest-common-subsequence walk.
const SKIP = new Set(['id', 'register_time', 'update_time', 'publish_time', 'publish_id', 'version_id', 'run_env_id', 'run_env_name', 'status', 'req_param_id']);

/** `{a:{b:1}, c:[x]}` → ['a.b: 1', 'c[0]: "x"'] in key order, skipping bookkeeping fields. */
export function flatten(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return prefix ? [`${prefix}: []`] : [];
    return value.flatMap((v, i) => flatten(v, `${prefix}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .filter((k) => !SKIP.has(k))
      .flatMap((k) => flatten((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  if (value === undefined) return [];
  return [`${prefix}: ${JSON.stringify(value)}`];
}

export type DiffRow =
  | { kind: 'same'; left: string; right: string }
  | { kind: 'changed'; left: string; right: string }
  | { kind: 'removed'; left: string; right?: undefined }
  | { kind: 'added'; left?: undefined; right: string };

const keyOf = (line: string) => line.slice(0, line.indexOf(': '));

/** Rows for a two-column view; a removed and an added line with the same path pair up as "changed". */
export function diffLines(a: string[], b: string[]): DiffRow[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      rows.push({ kind: 'same', left: a[i]!, right: b[j]! });
      i++;
      j++;
    } else if (i < n && j < m && keyOf(a[i]!) === keyOf(b[j]!)) {
      rows.push({ kind: 'changed', left: a[i]!, right: b[j]! });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      rows.push({ kind: 'added', right: b[j]! });
      j++;
    } else {
      rows.push({ kind: 'removed', left: a[i]! });
      i++;
    }
  }
  return rows;
}

export const diffVersions = (a: unknown, b: unknown): DiffRow[] => diffLines(flatten(a), flatten(b));
