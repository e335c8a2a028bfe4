// Integration apps, their members (per-user roles) and per-user favourites.
import type { Migration } from '../migrate';

export const m003Apps: Migration = {
  version: 3,
  name: 'apps',
  up(db) {
    db.exec(`
      CREATE TABLE apps (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        remark TEXT NOT NULL DEFAULT '',
        app_key TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_user_id TEXT NOT NULL,
        created_user_name TEXT NOT NULL,
        updated_user_id TEXT NOT NULL,
        updated_user_name TEXT NOT NULL,
        create_time INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        seq INTEGER NOT NULL,                  -- insertion order: tie-break for equal timestamps
        UNIQUE (instance_id, name),
        UNIQUE (instance_id, app_key)
      );
      CREATE TABLE app_members (
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        roles TEXT NOT NULL,                   -- JSON array of normalised roles
        PRIMARY KEY (app_id, user_id)
      );
      CREATE TABLE app_favorites (
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (app_id, user_id)
      );
    `);
  },
};
