// Small process and port helpers shared by the bench sections.
import fs from 'node:fs';
import net from 'node:net';

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; USER_HZ 100, so 10 ms steps); NaN elsewhere. */
export function cpuMs(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** A loopback port free right now (for a child that must be told its port before it starts). */
export const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});
