// ROMA Connect instances (read-only through the API; rows come from the seed).
import type { Migration } from '../migrate';

export const m002Instances: Migration = {
  version: 2,
  name: 'instances',
  up(db) {
    db.exec(`
      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        spec TEXT NOT NULL,
        flavor_id TEXT NOT NULL DEFAULT '',
        flavor_type TEXT NOT NULL DEFAULT '',
        cpu_arch TEXT NOT NULL DEFAULT 'x86_64',
        instance_status INTEGER NOT NULL,      -- numeric code of the detail view (6 = Running)
        vpc_id TEXT NOT NULL DEFAULT '',
        subnet_id TEXT NOT NULL DEFAULT '',
        security_group_id TEXT NOT NULL DEFAULT '',
        publicip_enable INTEGER NOT NULL DEFAULT 0,
        publicip_id TEXT NOT NULL DEFAULT '',
        publicip_address TEXT NOT NULL DEFAULT '',
        charge_type TEXT NOT NULL DEFAULT 'postPaid',
        maintain_begin TEXT NOT NULL DEFAULT '',
        maintain_end TEXT NOT NULL DEFAULT '',
        available_zone_ids TEXT NOT NULL DEFAULT '[]',   -- JSON array
        enterprise_project_id TEXT NOT NULL DEFAULT '0',
        ingress_ip TEXT NOT NULL DEFAULT '',
        user_id TEXT NOT NULL DEFAULT '',
        bandwidth_size INTEGER NOT NULL DEFAULT 0,
        instance_version TEXT NOT NULL DEFAULT '',
        supported_features TEXT NOT NULL DEFAULT '[]',   -- JSON array
        create_time INTEGER NOT NULL,          -- epoch ms
        update_time INTEGER NOT NULL
      );
      CREATE INDEX instances_project ON instances (project_id, create_time);
    `);
  },
};
