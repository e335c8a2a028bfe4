// What the parts of one run share: the environment the worker gives it, the checkpoint stored
// after each committed batch, and the two errors that decide how a run ends.
import type Database from 'better-sqlite3';
import type { Value } from '../connectors/types';

export interface Checkpoint {
  after: Value[] | null;
  offset: number;
  read: number;
  written: number;
  dirty: number;
  bytes: number;
  sum: { a: number; b: number; count: number };
  lo: Value; // incremental lower bound (exclusive) or null
  hi: Value; // incremental upper bound (inclusive) or null
  cleared: boolean;
  readMs: number;
  writeMs: number;
}

export interface RunEnv {
  db: Database.Database;
  dataDir: string;
  cancelled: () => boolean;
  now?: () => number;
}

export class Cancelled extends Error {}

/** Which side failed: decides 103 vs 503 and the step that reports it. */
export class SideError extends Error {
  constructor(readonly side: 'source' | 'target', readonly reason: unknown) {
    super((reason as Error)?.message ?? String(reason));
  }
}

export const jsonSafe = (v: Value): Value => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v);

/** A failure of one side, tagged with that side. */
export const onSide = (side: 'source' | 'target') => (err: unknown): never => { throw new SideError(side, err); };
