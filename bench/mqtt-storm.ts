// Cheap MQTT connect-storm generator for the LINK bench, run as a child process (fork) so its
// work is not counted against the bench's event loop or roma-local's. It writes raw MQTT 3.1.1
// CONNECT packets (no client library: ~a few µs per device instead of an MqttClient object each),
// reads the 4-byte CONNACK and keeps the socket open. Connections go out in waves bounded by an
// in-flight window, so the client side does not overflow the listen queue (dropped SYNs are
// retried by the kernel after 1 s, 3 s, …, which is what made the old storm take minutes).
// Protocol (IPC): parent sends { cmd: 'storm', address, devices, window, keepalive, timeoutMs };
// the child says { cmd: 'ready' } once loaded, answers { cmd: 'result', … }; { cmd: 'close' } ends every
// socket and exits.
import net from 'node:net';

export interface StormDevice { client_id: string; user_name: string; password: string }
export interface StormRequest { cmd: 'storm'; address: string; devices: StormDevice[]; window: number; keepalive: number; timeoutMs: number }
export interface StormResult {
  cmd: 'result'; ok: number; failed: number; reasons: Record<string, number>;
  /** ms from the first SYN to each CONNACK, sorted */
  connackMs: number[]; wallMs: number; cpuMs: number;
}

const str = (s: string): Buffer => {
  const b = Buffer.from(s, 'utf8');
  const out = Buffer.allocUnsafe(2 + b.length);
  out.writeUInt16BE(b.length, 0);
  b.copy(out, 2);
  return out;
};
const varint = (n: number): Buffer => {
  const bytes: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    bytes.push(b);
  } while (n > 0);
  return Buffer.from(bytes);
};
/** CONNECT, MQTT 3.1.1, clean session, user name and password. */
export function connectPacket(d: StormDevice, keepalive: number): Buffer {
  const head = Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0xc2, keepalive >> 8, keepalive & 0xff]);
  const body = Buffer.concat([head, str(d.client_id), str(d.user_name), str(d.password)]);
  return Buffer.concat([Buffer.from([0x10]), varint(body.length), body]);
}

const CONNACK_CODES: Record<number, string> = {
  1: 'CONNACK 1 (protocol)', 2: 'CONNACK 2 (identifier rejected)', 3: 'CONNACK 3 (server unavailable)',
  4: 'CONNACK 4 (bad user name or password)', 5: 'CONNACK 5 (not authorized)',
};

export function storm(req: StormRequest, sockets: net.Socket[]): Promise<StormResult> {
  const [host, port] = [req.address.slice(0, req.address.lastIndexOf(':')), Number(req.address.slice(req.address.lastIndexOf(':') + 1))];
  const reasons: Record<string, number> = {};
  const connackMs: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  let inFlight = 0;
  let done = 0;
  return new Promise((resolve) => {
    const finish = (reason?: string): void => {
      inFlight--;
      done++;
      if (reason) reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (done === req.devices.length) {
        const cpu = process.cpuUsage(cpu0);
        resolve({
          cmd: 'result', ok: connackMs.length, failed: done - connackMs.length, reasons,
          connackMs: connackMs.sort((a, b) => a - b), wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000,
        });
      } else pump();
    };
    const one = (d: StormDevice): void => {
      inFlight++;
      let settled = false;
      const settle = (reason?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        finish(reason);
      };
      const socket = net.connect({ host, port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        settle('timeout before CONNACK');
      }, req.timeoutMs);
      let got = Buffer.alloc(0);
      socket.on('connect', () => socket.write(connectPacket(d, req.keepalive)));
      socket.on('data', (chunk: Buffer) => {
        if (settled) return;
        got = Buffer.concat([got, chunk]);
        if (got.length < 4) return;
        const rc = got[0] === 0x20 ? got[3]! : -1;
        if (rc === 0) {
          connackMs.push(performance.now() - t0);
          sockets.push(socket);
          settle();
        } else {
          socket.destroy();
          settle(CONNACK_CODES[rc] ?? `unexpected packet 0x${got[0]!.toString(16)}`);
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => settle(err.code ?? err.message));
      socket.on('close', () => settle('closed before CONNACK'));
    };
    const pump = (): void => {
      while (inFlight < req.window && next < req.devices.length) one(req.devices[next++]!);
    };
    if (req.devices.length === 0) resolve({ cmd: 'result', ok: 0, failed: 0, reasons, connackMs, wallMs: 0, cpuMs: 0 });
    else pump();
  });
}

if (process.send && process.argv[1]?.endsWith('mqtt-storm.ts')) {
  const sockets: net.Socket[] = [];
  process.on('message', (m: StormRequest | { cmd: 'close' }) => {
    if (m.cmd === 'storm') void storm(m, sockets).then((r) => process.send!(r));
    else {
      for (const s of sockets) s.destroy();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ cmd: 'ready' });
}
