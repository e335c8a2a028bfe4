// Device shadow: the last reported value and time of each property, per service. Reports name
// the service by `serviceId` = the service name of the thing model (as in the vendor's payloads).
import type { Db } from '../db/open';
import { stmt } from './sql';
import type { ServiceRow, PropertyRow } from './thing-model';

export interface ShadowEntry { service: string; property: string; value: unknown; at: number }

/** Vendor eventTime `yyyyMMdd'T'HHmmss'Z'`, epoch ms or ISO; anything else → fallback. */
export function parseEventTime(v: unknown, fallback: number): number {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return Math.floor(v);
  if (typeof v !== 'string') return fallback;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  const t = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Date.parse(v);
  return Number.isFinite(t) ? t : fallback;
}

export class ShadowStore {
  constructor(private readonly db: Db) {}

  write(deviceId: number, entries: ShadowEntry[]): void {
    const up = stmt(this.db, `INSERT INTO link_shadow (device_id, service, property, value, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (device_id, service, property) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= link_shadow.updated_at`);
    this.db.transaction(() => {
      for (const e of entries) up.run(deviceId, e.service, e.property, JSON.stringify(e.value ?? null), e.at);
    })();
  }

  /** Model services with each property (null until reported), then reported services the model lacks. */
  view(deviceId: number, services: (ServiceRow & { properties: PropertyRow[] })[]) {
    const rows = stmt(this.db, 'SELECT service, property, value, updated_at FROM link_shadow WHERE device_id = ? ORDER BY rowid')
      .all(deviceId) as { service: string; property: string; value: string; updated_at: number }[];
    const byService = new Map<string, typeof rows>();
    for (const r of rows) byService.set(r.service, [...(byService.get(r.service) ?? []), r]);
    const prop = (r: (typeof rows)[number] | undefined, name: string) => ({
      property_name: name, property_value: r ? (JSON.parse(r.value) as unknown) : null, property_updated_date: r?.updated_at ?? null,
    });
    const out = services.map((s) => {
      const reported = byService.get(s.name) ?? [];
      byService.delete(s.name);
      const known = new Set(s.properties.map((p) => p.name));
      return {
        service_id: s.id as number | string, service_name: s.name,
        properties: [
          ...s.properties.map((p) => prop(reported.find((r) => r.property === p.name), p.name)),
          ...reported.filter((r) => !known.has(r.property)).map((r) => prop(r, r.property)),
        ],
      };
    });
    for (const [name, reported] of byService) {
      out.push({ service_id: name, service_name: name, properties: reported.map((r) => prop(r, r.property)) });
    }
    return out;
  }
}
