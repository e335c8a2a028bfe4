// The vendor's list-valued fields come in several spellings: a proper array, one comma-joined
// element (its own CreateRomaApp example sends roles as ["read, access, delete, modify, admin"]),
// or a string, sometimes bracketed ("[a, b]", the instance detail's available_zone_ids).
// Every list-valued field is read through here once, so the rest of the console sees clean arrays.

/** Flattens any of those spellings into trimmed, non-empty, de-duplicated items (order kept). */
export function splitList(value: string | readonly string[] | null | undefined): string[] {
  if (value === undefined || value === null) return [];
  const parts = (typeof value === 'string' ? [value] : value).flatMap((v) =>
    String(v)
      .replace(/^\s*\[|\]\s*$/g, '')
      .split(',')
      .map((s) => s.trim().replace(/^["']|["']$/g, '').trim()),
  );
  return [...new Set(parts.filter(Boolean))];
}
