// A connected device's session: who it is and which topics it may use, decided at CONNECT from
// the in-memory login cache (no database read per connection once a device is known).
import { timingSafeEqual } from 'node:crypto';
import type { Client } from 'aedes';
import type { Db } from '../db/open';
import { loginInfoBatched, productTopics, type LoginInfo } from './login-cache';
import { topicRights, type TopicRights } from './topics';

export interface Session { deviceId: number; nodeType: number; serial: string; node: string; rights: TopicRights; lastTouch: number }
export type LinkClient = Client & { link?: Session; keepalive?: number };

/** Constant-time for equal lengths; the length itself is not a secret worth hiding here. */
const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The session for these credentials, or undefined: unknown client id, disabled device, wrong user name or password. */
export function login(db: Db, clientId: string | undefined, username: string | undefined, password: Buffer | undefined,
  cb: (s: Session | undefined) => void): void {
  if (!clientId || username === undefined || password === undefined) return cb(undefined);
  loginInfoBatched(db, clientId, (d) => {
    let s: Session | undefined;
    try {
      s = d && check(d, username, password) ? session(db, d) : undefined;
    } catch {
      s = undefined; // a closed database refuses rather than crashes
    }
    cb(s);
  });
}

const check = (d: LoginInfo, username: string, password: Buffer): boolean =>
  d.status === 0 && same(username, d.user_name) && same(password.toString('utf8'), d.password);

function session(db: Db, d: LoginInfo): Session {
  return {
    deviceId: d.id, nodeType: d.node_type, serial: d.product_serial, node: d.node_id, lastTouch: 0,
    rights: topicRights(d, productTopics(db, d.product_id)),
  };
}
