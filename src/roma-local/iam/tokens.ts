// Token store: opaque 384-bit random tokens, kept only as SHA-256 hashes with their expiry, so
// tokens survive restarts but a copy of the database holds no usable token.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open';

export interface TokenInfo {
  userId: string;
  userName: string;
  domainId: string;
  projectId: string | null;
  expiresAt: number;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export class TokenStore {
  constructor(private readonly db: Db) {}

  issue(userId: string, domainId: string, projectId: string | null, issuedAt: number, expiresAt: number): string {
    const token = randomBytes(48).toString('base64url');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM tokens WHERE expires_at <= ?').run(issuedAt); // keep the table small
      this.db
        .prepare('INSERT INTO tokens (hash, user_id, project_id, domain_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(sha256(token), userId, projectId, domainId, issuedAt, expiresAt);
    })();
    return token;
  }

  /** The token's owner and scope, or null when unknown or expired at `now`. */
  resolve(token: string, now: number): TokenInfo | null {
    if (token.length === 0 || token.length > 4096) return null;
    const row = this.db
      .prepare(
        `SELECT t.user_id, u.name AS user_name, t.domain_id, t.project_id, t.expires_at
         FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?`,
      )
      .get(sha256(token)) as
      | { user_id: string; user_name: string; domain_id: string; project_id: string | null; expires_at: number }
      | undefined;
    if (!row || row.expires_at <= now) return null;
    return {
      userId: row.user_id, userName: row.user_name, domainId: row.domain_id, projectId: row.project_id,
      expiresAt: row.expires_at,
    };
  }
}
