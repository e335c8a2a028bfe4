// APIC consumer policies: client quotas (+ app bindings and persisted call counters), request
// throttling policies (+ special apps/users and API bindings per environment), plugins (+ API
// attachments per environment). See apic/policies/.
import type { Migration } from '../migrate';

export const m010ApicPolicies: Migration = {
  version: 10,
  name: 'apic-policies',
  up(db) {
    db.exec(`
      CREATE TABLE apic_app_quotas (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        call_limits INTEGER NOT NULL,
        time_unit TEXT NOT NULL,               -- SECOND | MINUTE | HOUR | DAY
        time_interval INTEGER NOT NULL,
        reset_time INTEGER,                    -- ms; NULL = counted from the first call
        remark TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (instance_id, name)
      );
      CREATE TABLE apic_app_quota_bindings (
        app_id TEXT PRIMARY KEY REFERENCES apps(id) ON DELETE CASCADE,  -- one quota per app
        quota_id TEXT NOT NULL REFERENCES apic_app_quotas(id),          -- a bound quota cannot be deleted
        bound_time INTEGER NOT NULL
      );
      CREATE INDEX apic_app_quota_bindings_quota ON apic_app_quota_bindings (quota_id);
      CREATE TABLE apic_quota_counters (
        quota_id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        anchor INTEGER NOT NULL,               -- ms the periods are counted from (reset_time or first call)
        window_start INTEGER NOT NULL,         -- ms start of the period the count belongs to
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (quota_id, app_id)
      );
      CREATE TABLE apic_throttles (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        api_call_limits INTEGER NOT NULL,
        user_call_limits INTEGER NOT NULL DEFAULT 0,  -- 0 = not limited
        app_call_limits INTEGER NOT NULL DEFAULT 0,
        ip_call_limits INTEGER NOT NULL DEFAULT 0,
        time_interval INTEGER NOT NULL,
        time_unit TEXT NOT NULL,
        type INTEGER NOT NULL DEFAULT 1,       -- 1 per API, 2 shared by all bound APIs
        enable_adaptive_control TEXT NOT NULL DEFAULT 'FALSE',
        remark TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (instance_id, name)
      );
      CREATE TABLE apic_throttle_specials (
        id TEXT PRIMARY KEY,
        throttle_id TEXT NOT NULL REFERENCES apic_throttles(id) ON DELETE CASCADE,
        object_type TEXT NOT NULL,             -- APP | USER
        object_id TEXT NOT NULL,
        call_limits INTEGER NOT NULL,
        apply_time INTEGER NOT NULL,
        UNIQUE (throttle_id, object_type, object_id)
      );
      CREATE TABLE apic_throttle_bindings (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL,
        throttle_id TEXT NOT NULL REFERENCES apic_throttles(id) ON DELETE CASCADE,
        api_id TEXT NOT NULL REFERENCES apic_apis(id) ON DELETE CASCADE,
        env_id TEXT NOT NULL,
        publish_id TEXT NOT NULL,
        apply_time INTEGER NOT NULL,
        UNIQUE (api_id, env_id)                -- one throttling policy per API and environment
      );
      CREATE INDEX apic_throttle_bindings_throttle ON apic_throttle_bindings (throttle_id);
      CREATE TABLE apic_plugins (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        scope TEXT NOT NULL,                   -- global | app
        content TEXT NOT NULL,                 -- the plugin_content string as given
        roma_app_id TEXT NOT NULL DEFAULT '',
        remark TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (instance_id, name)
      );
      CREATE TABLE apic_plugin_attachments (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL,
        plugin_id TEXT NOT NULL REFERENCES apic_plugins(id),            -- an attached plugin cannot be deleted
        plugin_type TEXT NOT NULL,
        api_id TEXT NOT NULL REFERENCES apic_apis(id) ON DELETE CASCADE,
        env_id TEXT NOT NULL,
        attached_time INTEGER NOT NULL,
        UNIQUE (api_id, env_id, plugin_type)   -- one plugin of a type per API and environment
      );
      CREATE INDEX apic_plugin_attachments_plugin ON apic_plugin_attachments (plugin_id);
    `);
  },
};
