// Starts a bench server as a child process and resolves with the first capture of `ready` in its
// stdout (its URL); a child that exits first rejects with what it printed.
import { spawn, type ChildProcess } from 'node:child_process';

export function spawnReady(children: ChildProcess[], root: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = ready.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${seen}`)));
  });
}
