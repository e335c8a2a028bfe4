// Environments (RELEASE is built in, one per instance) and environment variables, which belong
// to one group and one environment and are referenced as #name# in backend definitions.
import { DEFAULT_ENV_ID, DEFAULT_ENV_NAME, type EnvCreateRequest, type EnvVariableCreateRequest } from '../../../contract/index';
import type { Db } from '../../db/open';
import { fuzzy, hex32, isoSeconds } from '../../util';
import { APIC } from '../errors';
import { preciseSet, prep, type ApicState } from './state';

export interface EnvRow { instance_id: string; id: string; name: string; remark: string; create_time: number }
export interface VarRow { id: string; instance_id: string; group_id: string; env_id: string; name: string; value: string; create_time: number }

export const toEnv = (e: EnvRow) => ({ id: e.id, name: e.name, remark: e.remark, create_time: isoSeconds(e.create_time) });
export const toVariable = (v: VarRow) => ({ id: v.id, variable_value: v.value, env_id: v.env_id, group_id: v.group_id, variable_name: v.name });

export class EnvStore {
  constructor(private readonly db: Db, private readonly now: () => number, private readonly state: ApicState) {}

  /** RELEASE exists in every instance; created on first use. */
  ensureRelease(instanceId: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO apic_envs (instance_id, id, name, remark, create_time) VALUES (?, ?, ?, 'Production environment', ?)")
      .run(instanceId, DEFAULT_ENV_ID, DEFAULT_ENV_NAME, this.now());
  }

  get(instanceId: string, id: string): EnvRow {
    this.ensureRelease(instanceId);
    const e = prep(this.db, 'SELECT * FROM apic_envs WHERE instance_id = ? AND id = ?').get(instanceId, id) as EnvRow | undefined;
    if (!e) throw APIC.envNotFound(id);
    return e;
  }

  byName(instanceId: string, name: string): EnvRow | undefined {
    this.ensureRelease(instanceId);
    return prep(this.db, 'SELECT * FROM apic_envs WHERE instance_id = ? AND name = ?').get(instanceId, name) as EnvRow | undefined;
  }

  list(instanceId: string, name?: string): EnvRow[] {
    this.ensureRelease(instanceId);
    const rows = prep(this.db, 'SELECT * FROM apic_envs WHERE instance_id = ? ORDER BY create_time, name').all(instanceId) as EnvRow[];
    return name ? rows.filter((r) => fuzzy(r.name, name)) : rows;
  }

  private assertNameFree(instanceId: string, name: string, exceptId = ''): void {
    const hit = prep(this.db, 'SELECT 1 FROM apic_envs WHERE instance_id = ? AND lower(name) = lower(?) AND id <> ?').get(instanceId, name, exceptId);
    if (hit) throw APIC.envNameExists(name);
  }

  create(instanceId: string, req: EnvCreateRequest): EnvRow {
    const id = hex32();
    this.db.transaction(() => {
      this.ensureRelease(instanceId);
      this.assertNameFree(instanceId, req.name);
      prep(this.db, 'INSERT INTO apic_envs (instance_id, id, name, remark, create_time) VALUES (?, ?, ?, ?, ?)')
        .run(instanceId, id, req.name, req.remark ?? '', this.now());
    })();
    this.state.bump();
    return this.get(instanceId, id);
  }

  update(instanceId: string, id: string, req: EnvCreateRequest): EnvRow {
    this.db.transaction(() => {
      this.get(instanceId, id);
      if (id === DEFAULT_ENV_ID) throw APIC.releaseEnv();
      this.assertNameFree(instanceId, req.name, id);
      prep(this.db, 'UPDATE apic_envs SET name = ?, remark = ? WHERE instance_id = ? AND id = ?').run(req.name, req.remark ?? '', instanceId, id);
    })();
    this.state.bump();
    return this.get(instanceId, id);
  }

  delete(instanceId: string, id: string): void {
    this.db.transaction(() => {
      this.get(instanceId, id);
      if (id === DEFAULT_ENV_ID) throw APIC.releaseEnv();
      const { n } = prep(this.db, 'SELECT COUNT(*) AS n FROM apic_live WHERE instance_id = ? AND env_id = ?').get(instanceId, id) as { n: number };
      if (n > 0) throw APIC.envHasApis(n);
      prep(this.db, 'DELETE FROM apic_versions WHERE instance_id = ? AND env_id = ?').run(instanceId, id); // history of a gone env
      prep(this.db, 'DELETE FROM apic_envs WHERE instance_id = ? AND id = ?').run(instanceId, id); // variables cascade
    })();
    this.state.bump();
  }

  // ---- variables ----

  variable(instanceId: string, id: string): VarRow {
    const v = prep(this.db, 'SELECT * FROM apic_env_vars WHERE id = ? AND instance_id = ?').get(id, instanceId) as VarRow | undefined;
    if (!v) throw APIC.variableNotFound(id);
    return v;
  }

  variables(instanceId: string, f: { group_id: string; env_id?: string; variable_name?: string; precise_search?: string }): VarRow[] {
    const precise = preciseSet(f.precise_search);
    let rows = this.db
      .prepare('SELECT * FROM apic_env_vars WHERE instance_id = ? AND group_id = ? ORDER BY create_time, name')
      .all(instanceId, f.group_id) as VarRow[];
    if (f.env_id) rows = rows.filter((r) => r.env_id === f.env_id);
    if (f.variable_name) rows = rows.filter((r) => (precise.has('variable_name') ? r.name === f.variable_name : fuzzy(r.name, f.variable_name!)));
    return rows;
  }

  createVariable(instanceId: string, req: EnvVariableCreateRequest, assertGroup: (id: string) => void): VarRow {
    const id = hex32();
    this.db.transaction(() => {
      assertGroup(req.group_id);
      this.get(instanceId, req.env_id);
      const hit = prep(this.db, 'SELECT 1 FROM apic_env_vars WHERE group_id = ? AND env_id = ? AND name = ?').get(req.group_id, req.env_id, req.variable_name);
      if (hit) throw APIC.variableExists(req.variable_name);
      this.db
        .prepare('INSERT INTO apic_env_vars (id, instance_id, group_id, env_id, name, value, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, instanceId, req.group_id, req.env_id, req.variable_name, req.variable_value, this.now());
    })();
    this.state.bump();
    return this.variable(instanceId, id);
  }

  updateVariable(instanceId: string, id: string, value: string): VarRow {
    this.variable(instanceId, id);
    prep(this.db, 'UPDATE apic_env_vars SET value = ? WHERE id = ?').run(value, id);
    this.state.bump();
    return this.variable(instanceId, id);
  }

  deleteVariable(instanceId: string, id: string): void {
    this.variable(instanceId, id);
    prep(this.db, 'DELETE FROM apic_env_vars WHERE id = ?').run(id);
    this.state.bump();
  }
}
