// APIC: API groups (+ bound domains), environments (+ variables per group), APIs (draft
// definition as JSON), published versions (frozen snapshots) and the live version per env,
// instance features, and per-minute call statistics written by the gateway.
import type { Migration } from '../migrate';

export const m007Apic: Migration = {
  version: 7,
  name: 'apic',
  up(db) {
    db.exec(`
      CREATE TABLE apic_groups (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        remark TEXT NOT NULL DEFAULT '',
        roma_app_id TEXT NOT NULL DEFAULT '',  -- '' = global (V1) group
        version TEXT NOT NULL,                 -- V1 | V2
        sl_domain TEXT NOT NULL UNIQUE,        -- system sub-domain the gateway answers on
        is_default INTEGER NOT NULL DEFAULT 2,
        register_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (instance_id, roma_app_id, name)
      );
      CREATE TABLE apic_domains (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES apic_groups(id) ON DELETE CASCADE,
        domain TEXT NOT NULL UNIQUE,           -- lower case; one group per domain
        min_ssl_version TEXT NOT NULL DEFAULT 'TLSv1.1',
        redirect_https INTEGER NOT NULL DEFAULT 0,
        verify_client_cert INTEGER NOT NULL DEFAULT 0,
        create_time INTEGER NOT NULL
      );
      CREATE INDEX apic_domains_group ON apic_domains (group_id);
      CREATE TABLE apic_envs (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        remark TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL,
        PRIMARY KEY (instance_id, id),
        UNIQUE (instance_id, name)
      );
      CREATE TABLE apic_env_vars (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL,
        group_id TEXT NOT NULL REFERENCES apic_groups(id) ON DELETE CASCADE,
        env_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        create_time INTEGER NOT NULL,
        FOREIGN KEY (instance_id, env_id) REFERENCES apic_envs(instance_id, id) ON DELETE CASCADE,
        UNIQUE (group_id, env_id, name)
      );
      CREATE TABLE apic_apis (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES apic_groups(id),   -- a group with APIs cannot be deleted
        name TEXT NOT NULL,
        type INTEGER NOT NULL,
        req_protocol TEXT NOT NULL,
        req_method TEXT NOT NULL,
        req_uri TEXT NOT NULL,
        path_key TEXT NOT NULL,                -- req_uri with placeholders blanked, for duplicate checks
        match_mode TEXT NOT NULL,
        auth_type TEXT NOT NULL,
        backend_type TEXT NOT NULL,
        roma_app_id TEXT NOT NULL DEFAULT '',
        vpc_channel_id TEXT NOT NULL DEFAULT '',
        def TEXT NOT NULL,                     -- JSON: the draft definition with generated ids
        register_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        UNIQUE (group_id, name)
      );
      CREATE INDEX apic_apis_group ON apic_apis (group_id, seq);
      CREATE INDEX apic_apis_instance ON apic_apis (instance_id, seq);
      CREATE TABLE apic_versions (
        id TEXT PRIMARY KEY,                   -- version_id
        instance_id TEXT NOT NULL,
        api_id TEXT NOT NULL REFERENCES apic_apis(id) ON DELETE CASCADE,
        env_id TEXT NOT NULL,
        version_no TEXT NOT NULL,
        remark TEXT NOT NULL DEFAULT '',
        publish_id TEXT NOT NULL,
        publish_time INTEGER NOT NULL,
        snapshot TEXT NOT NULL,                -- JSON: the API view frozen at publish time
        FOREIGN KEY (instance_id, env_id) REFERENCES apic_envs(instance_id, id)
      );
      CREATE INDEX apic_versions_api ON apic_versions (api_id, env_id, publish_time);
      CREATE TABLE apic_live (
        api_id TEXT NOT NULL REFERENCES apic_apis(id) ON DELETE CASCADE,
        env_id TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        version_id TEXT NOT NULL REFERENCES apic_versions(id),
        publish_id TEXT NOT NULL,
        publish_time INTEGER NOT NULL,
        PRIMARY KEY (api_id, env_id),
        FOREIGN KEY (instance_id, env_id) REFERENCES apic_envs(instance_id, id)
      );
      CREATE INDEX apic_live_env ON apic_live (instance_id, env_id);
      CREATE TABLE apic_features (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        id TEXT NOT NULL,
        enable INTEGER NOT NULL,
        config TEXT NOT NULL DEFAULT '',
        update_time INTEGER NOT NULL,
        PRIMARY KEY (instance_id, name)
      );
      CREATE TABLE apic_stats (
        instance_id TEXT NOT NULL,
        api_id TEXT NOT NULL,
        group_id TEXT NOT NULL,
        minute INTEGER NOT NULL,               -- epoch minute
        req_count INTEGER NOT NULL DEFAULT 0,
        c2xx INTEGER NOT NULL DEFAULT 0,
        c4xx INTEGER NOT NULL DEFAULT 0,
        c5xx INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        sum_latency REAL NOT NULL DEFAULT 0,
        max_latency REAL NOT NULL DEFAULT 0,
        sum_backend REAL NOT NULL DEFAULT 0,
        max_backend REAL NOT NULL DEFAULT 0,
        bytes_in INTEGER NOT NULL DEFAULT 0,
        bytes_out INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (api_id, minute)
      );
      CREATE INDEX apic_stats_instance ON apic_stats (instance_id, minute);
    `);
  },
};
