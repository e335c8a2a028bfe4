// APIC consumer side of integration apps: AppCodes (simple authentication), app configs, and
// app authorisations (which app may call which API in which environment, enforced by the gateway).
import type { Migration } from '../migrate';

export const m009ApicAppAuth: Migration = {
  version: 9,
  name: 'apic-app-auth',
  up(db) {
    db.exec(`
      CREATE TABLE apic_app_codes (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        app_code TEXT NOT NULL UNIQUE,          -- the gateway finds the app by its code
        create_time INTEGER NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX apic_app_codes_app ON apic_app_codes (app_id, seq);
      CREATE TABLE apic_app_configs (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        config_type TEXT NOT NULL,              -- variable | password | certificate
        config_name TEXT NOT NULL,
        config_value TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (app_id, config_name)
      );
      CREATE TABLE apic_app_auths (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL,
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        api_id TEXT NOT NULL REFERENCES apic_apis(id) ON DELETE CASCADE,
        env_id TEXT NOT NULL,
        auth_tunnel TEXT NOT NULL DEFAULT 'NORMAL',
        auth_whitelist TEXT NOT NULL DEFAULT '[]',  -- JSON string arrays (GREEN tunnel only)
        auth_blacklist TEXT NOT NULL DEFAULT '[]',
        visit_param TEXT NOT NULL DEFAULT '',
        auth_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        FOREIGN KEY (instance_id, env_id) REFERENCES apic_envs(instance_id, id) ON DELETE CASCADE,
        UNIQUE (api_id, env_id, app_id)         -- the gateway's lookup; binding twice is refused
      );
      CREATE INDEX apic_app_auths_app ON apic_app_auths (app_id, env_id);
    `);
  },
};
