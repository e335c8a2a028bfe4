// Apps as APIC sees them (read-only views of roma-local's integration apps), their AppCodes and
// their configs. Apps themselves are created and deleted through the apps family (apps.md).
import { randomBytes } from 'node:crypto';
import { MASKED_PASSWORD, type AppConfigCreateRequest } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import { nextSeq, preciseSet, prep } from '../store/state';

export interface AppRow { id: string; instance_id: string; name: string; remark: string; app_key: string; secret: string; create_time: number; update_time: number }
export interface CodeRow { id: string; app_id: string; app_code: string; create_time: number }
export interface ConfigRow {
  id: string; app_id: string; config_type: string; config_name: string; config_value: string; description: string; update_time: number;
}

/** The vendor allows a handful of AppCodes per app (chosen: 5). */
export const MAX_APP_CODES = 5;

export function toApicApp(a: AppRow, bindNum?: number) {
  return {
    id: a.id, name: a.name, remark: a.remark, creator: 'USER' as const, update_time: isoSeconds(a.update_time), app_key: a.app_key,
    app_secret: a.secret, register_time: isoSeconds(a.create_time), status: 1 as const, app_type: 'roma' as const,
    roma_app_type: 'integration', ...(bindNum === undefined ? {} : { bind_num: bindNum }),
  };
}
export const toAppCode = (c: CodeRow) => ({ app_code: c.app_code, id: c.id, app_id: c.app_id, create_time: isoSeconds(c.create_time) });
export const toAppConfig = (c: ConfigRow) => ({
  id: c.id, app_id: c.app_id, config_type: c.config_type, config_name: c.config_name,
  config_value: c.config_type === 'password' ? MASKED_PASSWORD : c.config_value, update_time: isoSeconds(c.update_time), description: c.description,
});

/** 64 hex characters starting with a letter, like the official example of a generated code. */
function generateCode(): string {
  const hex = randomBytes(32).toString('hex');
  return /^[a-f]/.test(hex) ? hex : 'abcdef'[randomBytes(1)[0]! % 6] + hex.slice(1);
}

export class ConsumerAppStore {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  app(instanceId: string, id: string): AppRow {
    const a = prep(this.db, 'SELECT * FROM apps WHERE id = ? AND instance_id = ?').get(id, instanceId) as AppRow | undefined;
    if (!a) throw APIC.consumerAppNotFound(id);
    return a;
  }

  /** Apps of the instance, newest first, with their number of authorised APIs. */
  list(instanceId: string, f: { id?: string; name?: string; status?: number; app_key?: string; precise_search?: string }) {
    const precise = preciseSet(f.precise_search);
    const rows = prep(this.db, `SELECT a.*, (SELECT COUNT(*) FROM apic_app_auths x WHERE x.app_id = a.id) AS bind_num
      FROM apps a WHERE a.instance_id = ? ORDER BY a.create_time DESC, a.seq DESC`).all(instanceId) as (AppRow & { bind_num: number })[];
    return rows.filter((a) => (f.id === undefined || a.id === f.id) && (f.app_key === undefined || a.app_key === f.app_key)
      && (f.status === undefined || f.status === 1)
      && (f.name === undefined || (precise.has('name') ? a.name === f.name : fuzzy(a.name, f.name))))
      .map((a) => toApicApp(a, a.bind_num));
  }

  // ---- AppCodes ----

  codes(instanceId: string, appId: string): CodeRow[] {
    this.app(instanceId, appId);
    return prep(this.db, 'SELECT * FROM apic_app_codes WHERE app_id = ? ORDER BY seq DESC').all(appId) as CodeRow[];
  }

  code(instanceId: string, appId: string, codeId: string): CodeRow {
    this.app(instanceId, appId);
    const c = prep(this.db, 'SELECT * FROM apic_app_codes WHERE id = ? AND app_id = ?').get(codeId, appId) as CodeRow | undefined;
    if (!c) throw APIC.appCodeNotFound(codeId);
    return c;
  }

  /** Adds a code (given, or generated when `value` is undefined); codes are unique across apps (the gateway finds the app by it). */
  addCode(instanceId: string, appId: string, value?: string): CodeRow {
    const id = hex32();
    this.db.transaction(() => {
      this.app(instanceId, appId);
      const { n } = prep(this.db, 'SELECT COUNT(*) AS n FROM apic_app_codes WHERE app_id = ?').get(appId) as { n: number };
      if (n >= MAX_APP_CODES) throw APIC.appCodeLimit(MAX_APP_CODES);
      const code = value ?? generateCode();
      if (prep(this.db, 'SELECT 1 FROM apic_app_codes WHERE app_code = ?').get(code)) throw APIC.appCodeExists();
      prep(this.db, 'INSERT INTO apic_app_codes (id, instance_id, app_id, app_code, create_time, seq) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, instanceId, appId, code, this.now(), nextSeq(this.db, 'apic_app_codes'));
    })();
    return this.code(instanceId, appId, id);
  }

  deleteCode(instanceId: string, appId: string, codeId: string): void {
    this.db.transaction(() => {
      this.code(instanceId, appId, codeId);
      prep(this.db, 'DELETE FROM apic_app_codes WHERE id = ?').run(codeId);
    })();
  }

  // ---- app configs ----

  configs(instanceId: string, f: { app_id?: string; config_name?: string; roma_app_name?: string }): ConfigRow[] {
    const rows = prep(this.db, `SELECT c.*, a.name AS app_name FROM apic_app_configs c JOIN apps a ON a.id = c.app_id
      WHERE c.instance_id = ? ORDER BY c.seq DESC`).all(instanceId) as (ConfigRow & { app_name: string })[];
    return rows.filter((c) => (f.app_id === undefined || c.app_id === f.app_id)
      && (f.config_name === undefined || fuzzy(c.config_name, f.config_name))
      && (f.roma_app_name === undefined || fuzzy(c.app_name, f.roma_app_name)));
  }

  config(instanceId: string, appId: string, configId: string): ConfigRow {
    this.app(instanceId, appId);
    const c = prep(this.db, 'SELECT * FROM apic_app_configs WHERE id = ? AND app_id = ?').get(configId, appId) as ConfigRow | undefined;
    if (!c) throw APIC.appConfigNotFound(configId);
    return c;
  }

  saveConfig(instanceId: string, appId: string, req: AppConfigCreateRequest, configId?: string): ConfigRow {
    const id = configId ?? hex32();
    this.db.transaction(() => {
      if (configId) this.config(instanceId, appId, configId);
      else this.app(instanceId, appId);
      const clash = prep(this.db, 'SELECT 1 FROM apic_app_configs WHERE app_id = ? AND config_name = ? AND id <> ?').get(appId, req.config_name, id);
      if (clash) throw APIC.appConfigExists(req.config_name);
      const row = { id, instance_id: instanceId, app_id: appId, ...req, description: req.description ?? '', update_time: this.now() };
      if (configId) {
        prep(this.db, `UPDATE apic_app_configs SET config_type = @config_type, config_name = @config_name, config_value = @config_value,
          description = @description, update_time = @update_time WHERE id = @id`).run(row);
      } else {
        prep(this.db, `INSERT INTO apic_app_configs (id, instance_id, app_id, config_type, config_name, config_value, description, update_time, seq)
          VALUES (@id, @instance_id, @app_id, @config_type, @config_name, @config_value, @description, @update_time, @seq)`)
          .run({ ...row, seq: nextSeq(this.db, 'apic_app_configs') });
      }
    })();
    return this.config(instanceId, appId, id);
  }

  deleteConfig(instanceId: string, appId: string, configId: string): void {
    this.db.transaction(() => {
      this.config(instanceId, appId, configId);
      prep(this.db, 'DELETE FROM apic_app_configs WHERE id = ?').run(configId);
    })();
  }
}
