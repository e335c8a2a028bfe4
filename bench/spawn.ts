// Starts a bench server as a child process and resolves with the first capture of `ready` in its
// stdout (its URL); a child that exits first rejects with what it printed. Every bench that starts
// roma-local, a BFF or a test backend as its own process goes through here.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Spawned {
  url: string;
  pid: number;
  child: ChildProcess;
}

/** Spawn `node <args>` in `root` with `env` added; pushed on `children` so the caller stops it. */
export function spawnServer(children: ChildProcess[], root: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<Spawned> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = ready.exec(seen);
      if (m) resolve({ url: m[1]!, pid: child.pid!, child });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${seen}`)));
  });
}

/** spawnServer, resolving with the URL only. */
export async function spawnReady(children: ChildProcess[], root: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<string> {
  return (await spawnServer(children, root, args, env, ready)).url;
}
