// Permanent access keys (AK/SK) of roma-local's IAM users. The SK is shown once (create answer)
// and stored AES-256-GCM encrypted with a random key file beside the database, because verifying
// an HMAC needs the SK itself (a hash would not do). A copy of the database alone holds no SK.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { randomString } from '../util';

/** At most this many keys a user creates over the API (the vendor's limit); the env key is extra. */
export const MAX_KEYS_PER_USER = 2;

export interface AccessKeyRow {
  access: string;
  user_id: string;
  description: string;
  status: string;
  origin: 'api' | 'env';
  create_time: number;
}

export interface ResolvedKey { userId: string; userName: string; domainId: string; secret: string }

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Same look as the vendor's: 20-character AK, 40-character SK. */
export const newAccessKeyId = (): string => randomString(20, UPPER_DIGITS);
export const newSecretKey = (): string => randomString(40, ALNUM);

export const keyFilePath = (dataDir: string): string => path.join(dataDir, 'access-keys.key');

function loadOrCreateKey(dataDir: string): Buffer {
  const file = keyFilePath(dataDir);
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold a 32-byte key; restore it or delete it together with the access keys`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export class AccessKeyStore {
  private readonly key: Buffer;

  constructor(private readonly db: Db, dataDir: string) {
    this.key = loadOrCreateKey(dataDir);
  }

  private encrypt(secret: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
    return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
  }

  private decrypt(stored: string): string | null {
    const [v, iv, tag, ct] = stored.split(':');
    if (v !== 'v1' || !iv || !tag || ct === undefined) return null;
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
    } catch {
      return null; // another key file: the key is unusable, not a crash
    }
  }

  /** Creates a key; answers the SK in clear this once. Throws 'limit' when the user has MAX keys. */
  create(userId: string, description: string, now: number): { row: AccessKeyRow; secret: string } | 'limit' {
    return this.db.transaction(() => {
      const n = (this.db.prepare("SELECT COUNT(*) AS n FROM access_keys WHERE user_id = ? AND origin = 'api'").get(userId) as { n: number }).n;
      if (n >= MAX_KEYS_PER_USER) return 'limit' as const;
      const secret = newSecretKey();
      const row: AccessKeyRow = { access: newAccessKeyId(), user_id: userId, description, status: 'active', origin: 'api', create_time: now };
      this.db
        .prepare('INSERT INTO access_keys (access, user_id, secret_enc, description, status, origin, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(row.access, userId, this.encrypt(secret), description, row.status, row.origin, now);
      return { row, secret };
    })();
  }

  list(userId: string): AccessKeyRow[] {
    return this.db
      .prepare('SELECT access, user_id, description, status, origin, create_time FROM access_keys WHERE user_id = ? ORDER BY create_time, access')
      .all(userId) as AccessKeyRow[];
  }

  /** The key with its owner's domain (callers check the domain before showing or deleting). */
  get(access: string): (AccessKeyRow & { domain_id: string }) | undefined {
    return this.db
      .prepare(
        `SELECT k.access, k.user_id, k.description, k.status, k.origin, k.create_time, u.domain_id
         FROM access_keys k JOIN users u ON u.id = k.user_id WHERE k.access = ?`,
      )
      .get(access) as (AccessKeyRow & { domain_id: string }) | undefined;
  }

  delete(access: string): void {
    this.db.prepare('DELETE FROM access_keys WHERE access = ?').run(access);
  }

  /** For signature checks: the active key's owner and SK, or null. */
  resolve(access: string): ResolvedKey | null {
    if (access.length === 0 || access.length > 128) return null;
    const row = this.db
      .prepare(
        `SELECT k.secret_enc, k.status, u.id AS user_id, u.name AS user_name, u.domain_id
         FROM access_keys k JOIN users u ON u.id = k.user_id WHERE k.access = ?`,
      )
      .get(access) as { secret_enc: string; status: string; user_id: string; user_name: string; domain_id: string } | undefined;
    if (!row || row.status !== 'active') return null;
    const secret = this.decrypt(row.secret_enc);
    return secret === null ? null : { userId: row.user_id, userName: row.user_name, domainId: row.domain_id, secret };
  }

  /**
   * The fixed pair of ROMA_LOCAL_ACCESS_KEY / ROMA_LOCAL_SECRET_KEY for `userId`, reconciled at every
   * start: set → inserted or updated; a previous env pair that is no longer configured is removed.
   */
  syncEnvKey(userId: string, pair: { accessKey: string; secretKey: string } | undefined, now: number): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM access_keys WHERE origin = 'env' AND access <> ?").run(pair?.accessKey ?? '');
      if (!pair) return;
      const existing = this.db.prepare('SELECT origin, user_id FROM access_keys WHERE access = ?').get(pair.accessKey) as
        | { origin: string; user_id: string }
        | undefined;
      if (existing && existing.origin !== 'env') {
        throw new Error('ROMA_LOCAL_ACCESS_KEY is already an access key created over the API; choose another value');
      }
      if (existing) {
        this.db.prepare("UPDATE access_keys SET user_id = ?, secret_enc = ?, status = 'active' WHERE access = ?")
          .run(userId, this.encrypt(pair.secretKey), pair.accessKey);
      } else {
        this.db
          .prepare("INSERT INTO access_keys (access, user_id, secret_enc, description, status, origin, create_time) VALUES (?, ?, ?, ?, 'active', 'env', ?)")
          .run(pair.accessKey, userId, this.encrypt(pair.secretKey), 'ROMA_LOCAL_ACCESS_KEY', now);
      }
    })();
  }
}

/** Checks the env pair's shape; the message names the variable. */
export function checkEnvPair(ak: string | undefined, sk: string | undefined): { accessKey: string; secretKey: string } | undefined {
  const a = ak?.trim() ?? '';
  const s = sk?.trim() ?? '';
  if (a === '' && s === '') return undefined;
  if (a === '' || s === '') throw new Error('Set both ROMA_LOCAL_ACCESS_KEY and ROMA_LOCAL_SECRET_KEY, or neither.');
  if (!/^[A-Za-z0-9_-]{4,128}$/.test(a)) throw new Error('ROMA_LOCAL_ACCESS_KEY must be 4 to 128 letters, digits, "-" or "_".');
  if (s.length < 8 || s.length > 256 || /\s/.test(s)) throw new Error('ROMA_LOCAL_SECRET_KEY must be 8 to 256 characters without spaces.');
  return { accessKey: a, secretKey: s };
}
