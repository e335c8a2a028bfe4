// IAM: domains (accounts), projects, users, tokens, plus a key/value meta table.
import type { Migration } from '../migrate';

export const m001Iam: Migration = {
  version: 1,
  name: 'iam',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE domains (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        domain_id TEXT NOT NULL REFERENCES domains(id),
        UNIQUE (domain_id, name)
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        domain_id TEXT NOT NULL REFERENCES domains(id),
        password_hash TEXT,            -- NULL: the user cannot log in (seeded colleague)
        create_time INTEGER NOT NULL,
        UNIQUE (domain_id, name)
      );
      -- only a SHA-256 of each token is kept, so a leaked database holds no usable token
      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        project_id TEXT REFERENCES projects(id),
        domain_id TEXT NOT NULL REFERENCES domains(id),
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX tokens_expiry ON tokens (expires_at);
    `);
  },
};
