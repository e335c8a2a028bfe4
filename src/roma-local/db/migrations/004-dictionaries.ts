// Dictionaries: a two-level tree per instance through parent_code ('' = top level).
import type { Migration } from '../migrate';

export const m004Dictionaries: Migration = {
  version: 4,
  name: 'dictionaries',
  up(db) {
    db.exec(`
      CREATE TABLE dictionaries (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        remark TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL,
        extend_one TEXT NOT NULL DEFAULT '',
        extend_two TEXT NOT NULL DEFAULT '',
        parent_code TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL CHECK (type IN ('system', 'user')),
        ord INTEGER NOT NULL DEFAULT 0,
        create_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        UNIQUE (instance_id, code),
        UNIQUE (instance_id, name)
      );
      CREATE INDEX dictionaries_parent ON dictionaries (instance_id, parent_code, ord, code);
    `);
  },
};
