// The LINK MQTT endpoint (aedes 1.x, MQTT 3.1.1, QoS 0/1). Devices log in with their client_id,
// user name and plain-text password (checked against the in-memory login cache); a device may
// only use its own topics. Status, last login and client IP are written in batches (StatusWriter:
// next turn when quiet, one commit per 50 ms under a storm); force offline writes at once. Limits
// keep a garbage sender, a reconnect storm or a frozen subscriber from stopping the broker or the
// HTTP side. Nothing is logged per connection.
import net from 'node:net';
import { Aedes, type AuthenticateError, type PublishPacket } from 'aedes';
import type { Db } from '../db/open';
import { login, type LinkClient } from './broker-session';
import { commands, type SendCommand } from './commands';
import { deviceMessages, type Replies } from './device-messages';
import { allOffline, applyStatus } from './device-status';
import { StatusWriter } from './status-writer';
import { inTopic } from './topics';

export { COMMAND_TIMEOUT_MS, type CommandResult } from './commands';

const MAX_CLIENTS = 20000; // (chosen) above the 10 k devices the bench connects
const BACKLOG = 8192; // listen queue for connect storms (the kernel caps it at net.core.somaxconn)

export interface LinkBroker {
  address: string;
  /** Closes the device's connection and marks it offline; false when it was not connected. */
  kick(clientId: string): boolean;
  isOnline(clientId: string): boolean;
  sendCommand: SendCommand;
  /** Writes the queued status changes now. */
  flushStatus(): void;
  close(): Promise<void>;
}

const refused = (): AuthenticateError => Object.assign(new Error('Not authorized'), { returnCode: 5 }) as AuthenticateError;

export async function startBroker(db: Db, now: () => number, host: string, port: number): Promise<LinkBroker> {
  allOffline(db); // nobody is connected to a broker that just started

  const current = new Map<string, LinkClient>(); // client_id → live connection
  const replies: Replies = new Map();
  let closing = false;
  const safe = (fn: () => void) => {
    if (closing || !db.open) return;
    fn();
  };
  const status = new StatusWriter((batch) => safe(() => applyStatus(db, batch)));
  const onPublish = deviceMessages(db, now, replies);
  const publish = (topic: string, payload: string): void => {
    broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false } as PublishPacket, () => {});
  };
  const cmds = commands({ db, now, replies, live: (id) => current.get(id), publish });

  const broker: Aedes = await Aedes.createBroker({
    drainTimeout: 10_000, // a frozen subscriber is dropped instead of stalling everyone
    connectTimeout: 10_000,
    maxClientsIdLength: 64,
    preConnect: (client: LinkClient, packet, cb) => {
      client.keepalive = packet.keepalive ?? 0;
      cb(null, broker.connectedClients < MAX_CLIENTS);
    },
    authenticate: (client: LinkClient, username, password, cb) => {
      login(db, client.id, username, password, (session) => {
        if (!session) return cb(refused(), false);
        client.link = session;
        cb(null, true);
      });
    },
    authorizePublish: (client: LinkClient | null, packet, cb) => {
      const s = client?.link;
      if (!s || packet.qos > 1 || !s.rights.publish.has(packet.topic)) return cb(new Error('publish not allowed'));
      cb(null);
    },
    authorizeSubscribe: (client: LinkClient, sub, cb) => {
      const s = client.link;
      if (!s || !s.rights.subscribe.has(sub.topic)) return cb(null, null); // SUBACK 0x80
      cb(null, { ...sub, qos: Math.min(sub.qos, 1) as 0 | 1 });
    },
  });

  broker.on('client', (client: LinkClient) => {
    const s = client.link;
    if (!s) return;
    current.set(client.id, client);
    const conn = client.conn as net.Socket;
    status.push(s.deviceId, { online: true, ip: conn.remoteAddress ?? null, keepalive: client.keepalive ?? 0, at: now() });
  });
  broker.on('clientDisconnect', (client: LinkClient) => {
    if (!client.link || current.get(client.id) !== client) return; // a takeover or a kick already handled it
    current.delete(client.id);
    status.push(client.link.deviceId, { online: false });
  });
  broker.on('clientError', () => {}); // aedes closes the client; the others carry on
  broker.on('connectionError', () => {});
  broker.on('subscribe', (subs, client: LinkClient) => {
    const s = client?.link;
    if (s && subs.some((x) => x.topic === inTopic(s.serial, s.node))) setImmediate(() => safe(() => cmds.deliverPending(s)));
  });
  broker.on('publish', (packet, client: LinkClient | null) => {
    const s = client?.link;
    if (s) safe(() => onPublish(s, packet));
  });

  const sockets = new Set<net.Socket>();
  const server = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    broker.handle(socket);
  });
  server.maxConnections = MAX_CLIENTS + 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, BACKLOG, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {});
  const addr = server.address() as net.AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

  return {
    address: `${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${addr.port}`,
    kick(clientId) {
      const c = current.get(clientId);
      if (!c) return false;
      current.delete(clientId);
      if (c.link) {
        status.push(c.link.deviceId, { online: false }); // after any queued "online" of this device
        status.flush(); // written before the HTTP answer
      }
      c.close();
      return true;
    },
    isOnline: (clientId) => current.has(clientId),
    sendCommand: cmds.send,
    flushStatus: () => status.flush(),
    async close() {
      status.close();
      if (db.open) allOffline(db);
      closing = true;
      await new Promise<void>((r) => broker.close(() => r()));
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
