// IAM permanent access keys (AK/SK) of roma-local's users, for SDK-HMAC-SHA256 signed calls.
// The SK must be readable to verify HMACs, so it is stored AES-256-GCM encrypted with a key kept
// beside the database (<dataDir>/access-keys.key, mode 0600), never in plain text.
import type { Migration } from '../migrate';

export const m008IamAccessKeys: Migration = {
  version: 8,
  name: 'iam-access-keys',
  up(db) {
    db.exec(`
      CREATE TABLE access_keys (
        access TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        secret_enc TEXT NOT NULL,          -- v1:iv:tag:ciphertext (base64), see iam/access-keys.ts
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active',
        origin TEXT NOT NULL DEFAULT 'api', -- 'api': created over IAM; 'env': ROMA_LOCAL_ACCESS_KEY
        create_time INTEGER NOT NULL
      );
      CREATE INDEX access_keys_user ON access_keys (user_id);
    `);
  },
};
