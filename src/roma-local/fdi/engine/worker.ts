// Worker thread entry: runs one task execution at a time, off the HTTP event loop. It records
// progress straight into roma-local's database (its own connection), so the main thread only
// hears "done". Cancel arrives as a flag in shared memory, checked between batches.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../db/open';
import { executeRun } from './run';

export interface WorkerInit { dataDir: string; cancel: SharedArrayBuffer }
export type ToWorker = { type: 'run'; runId: string };
export type FromWorker = { type: 'done'; runId: string } | { type: 'ready' };

const init = workerData as WorkerInit;
const flag = new Int32Array(init.cancel);
const db = new Database(path.join(init.dataDir, DB_FILE));
db.pragma('busy_timeout = 10000');
db.pragma('synchronous = NORMAL'); // WAL: a checkpoint commit per batch without an fsync each (a kill -9 loses none)
db.pragma('foreign_keys = ON');

parentPort!.on('message', (msg: ToWorker) => {
  if (msg.type !== 'run') return;
  executeRun({ db, dataDir: init.dataDir, cancelled: () => Atomics.load(flag, 0) === 1 }, msg.runId)
    .catch(() => undefined) // executeRun records its own failures
    .finally(() => parentPort!.postMessage({ type: 'done', runId: msg.runId } satisfies FromWorker));
});
parentPort!.postMessage({ type: 'ready' } satisfies FromWorker);
