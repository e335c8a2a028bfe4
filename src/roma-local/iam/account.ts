// The embedded IAM account: domain, project and login user, reconciled with the options on
// every start. A generated password is kept in `<dataDir>/initial-password` (mode 0600).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { hex32, randomString } from '../util';
import { hashPassword, verifyPasswordSync } from './password';

export interface AccountOptions {
  dataDir: string;
  user: string;
  password?: string;
  domain: string;
  project: string;
}

export interface Account {
  user: string;
  password: string;
  domain: string;
  project: string;
  projectId: string;
  passwordGenerated: boolean;
  userId: string;
  domainId: string;
}

export const initialPasswordPath = (dataDir: string): string => path.join(dataDir, 'initial-password');

function readPasswordFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function writePasswordFile(file: string, password: string): void {
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync's mode only applies when the file is created
}

/** ~20 characters from an unambiguous alphabet plus a symbol group: ≈ 115 bits. */
const generatePassword = (): string => `${randomString(6)}-${randomString(6)}-${randomString(8)}`;

export function ensureAccount(db: Db, opts: AccountOptions, now: number): Account {
  const file = initialPasswordPath(opts.dataDir);
  return db.transaction((): Account => {
    let domain = db.prepare('SELECT id FROM domains WHERE name = ?').get(opts.domain) as { id: string } | undefined;
    if (!domain) {
      domain = { id: hex32() };
      db.prepare('INSERT INTO domains (id, name) VALUES (?, ?)').run(domain.id, opts.domain);
    }
    let project = db.prepare('SELECT id FROM projects WHERE domain_id = ? AND name = ?').get(domain.id, opts.project) as
      | { id: string }
      | undefined;
    if (!project) {
      project = { id: hex32() };
      db.prepare('INSERT INTO projects (id, name, domain_id) VALUES (?, ?, ?)').run(project.id, opts.project, domain.id);
    }
    const user = db.prepare('SELECT id, password_hash FROM users WHERE domain_id = ? AND name = ?').get(domain.id, opts.user) as
      | { id: string; password_hash: string | null }
      | undefined;
    const userId = user?.id ?? hex32();
    const stored = user?.password_hash ?? null;

    let password: string;
    let generated = false;
    if (opts.password !== undefined && opts.password !== '') {
      password = opts.password;
    } else {
      // Reuse the kept password when it still matches; otherwise (first start, file lost) make one.
      const kept = readPasswordFile(file);
      if (kept !== undefined && stored !== null && verifyPasswordSync(kept, stored)) {
        password = kept;
      } else {
        password = generatePassword();
        generated = true;
        writePasswordFile(file, password);
      }
    }
    if (stored === null || !verifyPasswordSync(password, stored)) {
      const hash = hashPassword(password);
      if (user) {
        db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
        db.prepare('DELETE FROM tokens WHERE user_id = ?').run(userId); // a new password revokes old tokens
      } else {
        db.prepare('INSERT INTO users (id, name, domain_id, password_hash, create_time) VALUES (?, ?, ?, ?, ?)').run(
          userId, opts.user, domain.id, hash, now,
        );
      }
    }
    return {
      user: opts.user, password, domain: opts.domain, project: opts.project, projectId: project.id,
      passwordGenerated: generated, userId, domainId: domain.id,
    };
  })();
}
