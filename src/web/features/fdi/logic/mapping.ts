// Column mapping by name: each selected source column goes to the target column with the same
// name (exact first, then ignoring case, underscores and dashes); manual edits override it.
import type { ColumnInfo, MappingEntry } from '../../../../contract/fdi';

export const nameKey = (s: string): string => s.toLowerCase().replace(/[_\-\s]/g, '');

export interface ColumnPair {
  source: string;
  /** '' = not mapped (the column is not written) */
  target: string;
}

/** For each source column, the target column of the same name, or '' when there is none. Each target is used once. */
export function mapByName(source: readonly string[], target: readonly string[]): ColumnPair[] {
  const used = new Set<string>();
  const exact = new Set(target);
  const loose = new Map<string, string>();
  for (const t of target) if (!loose.has(nameKey(t))) loose.set(nameKey(t), t);
  const pairs = source.map((s) => {
    if (exact.has(s) && !used.has(s)) {
      used.add(s);
      return { source: s, target: s };
    }
    return { source: s, target: '' };
  });
  for (const p of pairs) {
    if (p.target) continue;
    const t = loose.get(nameKey(p.source));
    if (t && !used.has(t)) {
      used.add(t);
      p.target = t;
    }
  }
  return pairs;
}

/** Apply the operator's edits (source → target, '' to unmap) on top of the automatic mapping. */
export function withEdits(auto: readonly ColumnPair[], edits: Readonly<Record<string, string>>): ColumnPair[] {
  return auto.map((p) => (p.source in edits ? { source: p.source, target: edits[p.source]! } : p));
}

/** Targets used by more than one source column (an error to show before saving). */
export function duplicateTargets(pairs: readonly ColumnPair[]): string[] {
  const seen = new Map<string, number>();
  for (const p of pairs) if (p.target) seen.set(p.target, (seen.get(p.target) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([t]) => t);
}

/** The task_detail mappingTable for the mapped pairs, with the columns' types and lengths. */
export function toMappingTable(pairs: readonly ColumnPair[], source: readonly ColumnInfo[], target: readonly ColumnInfo[]): MappingEntry[] {
  const s = new Map(source.map((c) => [c.field_name, c]));
  const t = new Map(target.map((c) => [c.field_name, c]));
  return pairs
    .filter((p) => p.target)
    .map((p) => ({
      source_column: p.source,
      source_column_type: s.get(p.source)?.field_type ?? '',
      source_column_length: s.get(p.source)?.field_length ?? '',
      target_column: p.target,
      target_column_type: t.get(p.target)?.field_type ?? '',
      target_column_length: t.get(p.target)?.field_length ?? '',
      is_add_mapping: 'false',
    }));
}

/** The edits that reproduce a saved mappingTable against the automatic mapping (editing a task). */
export function editsFromMapping(auto: readonly ColumnPair[], saved: readonly Pick<MappingEntry, 'source_column' | 'target_column'>[]): Record<string, string> {
  const savedBy = new Map(saved.map((m) => [m.source_column, m.target_column]));
  const edits: Record<string, string> = {};
  for (const p of auto) {
    const want = savedBy.get(p.source) ?? '';
    if (want !== p.target) edits[p.source] = want;
  }
  return edits;
}
