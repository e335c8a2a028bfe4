// The LINK MQTT endpoint (aedes 1.x, MQTT 3.1.1, QoS 0/1). Devices log in with their client_id,
// user name and plain-text password; a device may only use its own topics. Status, last login,
// client IP and shadow are written synchronously so the API agrees with the broker as soon as a
// CONNACK has left. Limits keep a garbage sender, a reconnect storm or a frozen subscriber from
// stopping the broker or the HTTP side.
import net from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { Aedes, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import { commandReplyMessage, deviceDataReport, gatewayDataReport, type CommandMessage, type DeviceDataReport } from '../../contract/index';
import type { Db } from '../db/open';
import { stmt } from './sql';
import { DeviceStore, type DeviceRow, type StatusChange } from './devices';
import { LINK } from './errors';
import { ProductStore } from './products';
import { parseEventTime, ShadowStore, type ShadowEntry } from './shadow';
import { inTopic, outTopic, shadowTopic, topicRights, type TopicRights } from './topics';

export const COMMAND_TIMEOUT_MS = 5000;
const MAX_CLIENTS = 20000; // (chosen) above the 10 k devices the bench connects
const TOUCH_EVERY_MS = 1000; // last_active_time granularity, so data reports do not write twice

interface Session { deviceId: number; nodeType: number; serial: string; node: string; rights: TopicRights; lastTouch: number }
type LinkClient = Client & { link?: Session };

export interface CommandResult { mid: number; status: 'SUCCESSFUL' | 'SENT' | 'PENDING'; result?: unknown }

export interface LinkBroker {
  address: string;
  /** Closes the device's connection and marks it offline; false when it was not connected. */
  kick(clientId: string): boolean;
  isOnline(clientId: string): boolean;
  sendCommand(device: DeviceRow, msg: Omit<CommandMessage, 'mid'>, sync: boolean): Promise<CommandResult>;
  close(): Promise<void>;
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
const refused = (): AuthenticateError => Object.assign(new Error('Not authorized'), { returnCode: 5 }) as AuthenticateError;

export async function startBroker(db: Db, now: () => number, host: string, port: number): Promise<LinkBroker> {
  const devices = new DeviceStore(db, now);
  const products = new ProductStore(db, now);
  const shadow = new ShadowStore(db);
  devices.allOffline(); // nobody is connected to a broker that just started

  const current = new Map<string, LinkClient>(); // client_id → live connection
  const replies = new Map<number, { deviceId: number; done: (r: unknown) => void }>();
  let nextMid = 1 + Math.floor(Math.random() * 100000);
  let closing = false;
  const safe = (fn: () => void) => {
    if (closing || !db.open) return;
    fn();
  };

  const broker: Aedes = await Aedes.createBroker({
    drainTimeout: 10_000, // a frozen subscriber is dropped instead of stalling everyone
    connectTimeout: 10_000,
    maxClientsIdLength: 64,
    preConnect: (client, packet, cb) => {
      (client as LinkClient & { keepalive?: number }).keepalive = packet.keepalive ?? 0;
      cb(null, broker.connectedClients < MAX_CLIENTS);
    },
    authenticate: (client: LinkClient, username, password, cb) => {
      try {
        const d = client.id ? devices.loginInfo(client.id) : undefined;
        const ok = d && d.status === 0 && username !== undefined && password !== undefined
          && same(username, d.user_name) && same(password.toString('utf8'), d.password);
        if (!ok || !d) return cb(refused(), false);
        client.link = {
          deviceId: d.id, nodeType: d.node_type, serial: d.product_serial, node: d.node_id, lastTouch: 0,
          rights: topicRights(d, products.allTopics(d.product_id)),
        };
        cb(null, true);
      } catch {
        cb(refused(), false);
      }
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
    const keepalive = (client as LinkClient & { keepalive?: number }).keepalive ?? 0;
    queueStatus(s.deviceId, { online: true, ip: conn.remoteAddress ?? null, keepalive, at: now() });
  });
  broker.on('clientDisconnect', (client: LinkClient) => {
    if (!client.link || current.get(client.id) !== client) return; // a takeover or a kick already handled it
    current.delete(client.id);
    queueStatus(client.link.deviceId, { online: false });
  });
  broker.on('clientError', () => {}); // aedes closes the client; the others carry on
  broker.on('connectionError', () => {});
  broker.on('subscribe', (subs, client: LinkClient) => {
    const s = client?.link;
    if (s && subs.some((x) => x.topic === inTopic(s.serial, s.node))) setImmediate(() => safe(() => deliverPending(s)));
  });
  broker.on('publish', (packet, client: LinkClient | null) => {
    const s = client?.link;
    if (s) safe(() => onDevicePublish(s, packet));
  });

  // Status changes are written in one transaction per event-loop turn: during a connect storm
  // that is one commit for hundreds of devices instead of one each.
  const statusQueue = new Map<number, StatusChange>();
  let flushing = false;
  function queueStatus(deviceId: number, change: StatusChange): void {
    statusQueue.set(deviceId, change);
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      const batch = [...statusQueue];
      statusQueue.clear();
      safe(() => devices.applyStatus(batch));
    });
  }

  function deliverPending(s: Session): void {
    const rows = stmt(db, 'SELECT id, payload FROM link_pending_commands WHERE device_id = ? ORDER BY id').all(s.deviceId) as
      { id: number; payload: string }[];
    for (const r of rows) {
      publish(inTopic(s.serial, s.node), r.payload);
      stmt(db, 'DELETE FROM link_pending_commands WHERE id = ?').run(r.id);
    }
  }

  function onDevicePublish(s: Session, packet: PublishPacket): void {
    const t = now();
    if (t - s.lastTouch >= TOUCH_EVERY_MS) {
      s.lastTouch = t;
      devices.touch(s.deviceId, t);
    }
    const isOut = packet.topic === outTopic(s.serial, s.node);
    if (!isOut && packet.topic !== shadowTopic(s.serial, s.node)) return; // custom topics: forwarded only
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(packet.payload).toString('utf8'));
    } catch {
      return; // user-defined (non-JSON) payloads are allowed; nothing to record
    }
    const reply = isOut ? commandReplyMessage.safeParse(json) : undefined;
    if (reply?.success) {
      const waiting = replies.get(reply.data.mid);
      if (waiting && waiting.deviceId === s.deviceId) waiting.done({ errcode: reply.data.errcode ?? 0, body: reply.data.body ?? null });
      return;
    }
    const gw = s.nodeType === 1 ? gatewayDataReport.safeParse(json) : undefined;
    if (gw?.success) {
      for (const entry of gw.data.devices) {
        const target = stmt(db, 'SELECT id FROM link_devices WHERE (id = ? OR parent_id = ?) AND (client_id = ? OR node_id = ?) LIMIT 1')
          .get(s.deviceId, s.deviceId, entry.deviceId, entry.deviceId) as { id: number } | undefined;
        if (target) shadow.write(target.id, entries(entry.services, t));
      }
      return;
    }
    const data = deviceDataReport.safeParse(json);
    if (data.success) shadow.write(s.deviceId, entries(data.data.services, t));
  }

  const entries = (services: DeviceDataReport['services'], t: number): ShadowEntry[] =>
    services.flatMap((sv) => Object.entries(sv.data).map(([property, value]) => ({
      service: String(sv.serviceId), property, value, at: parseEventTime(sv.eventTime, t),
    })));

  function publish(topic: string, payload: string): void {
    broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false } as PublishPacket, () => {});
  }

  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    broker.handle(socket);
  });
  server.maxConnections = MAX_CLIENTS + 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, 4096, () => { // a deep backlog for reconnect storms
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
        statusQueue.delete(c.link.deviceId); // a queued "online" must not land after this
        safe(() => devices.applyStatus([[c.link!.deviceId, { online: false }]]));
      }
      c.close();
      return true;
    },
    isOnline: (clientId) => current.has(clientId),
    async sendCommand(device, msg, sync) {
      const mid = nextMid++;
      const payload = JSON.stringify({ msgType: msg.msgType, mid, cmd: msg.cmd, paras: msg.paras, serviceId: msg.serviceId, deviceId: msg.deviceId });
      const topic = inTopic(device.product_serial, device.node_id);
      const live = current.get(device.client_id);
      if (!sync) {
        if (live?.link && (live as unknown as { subscriptions: Record<string, unknown> }).subscriptions[topic]) {
          publish(topic, payload);
          return { mid, status: 'SENT' };
        }
        stmt(db, 'INSERT INTO link_pending_commands (device_id, payload, created_at) VALUES (?, ?, ?)').run(device.id, payload, now());
        return { mid, status: 'PENDING' };
      }
      if (!live) throw LINK.deviceOffline();
      const result = await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          replies.delete(mid);
          reject(LINK.commandTimeout(COMMAND_TIMEOUT_MS));
        }, COMMAND_TIMEOUT_MS);
        replies.set(mid, {
          deviceId: device.id,
          done: (r) => {
            clearTimeout(timer);
            replies.delete(mid);
            resolve(r);
          },
        });
        publish(topic, payload);
      });
      return { mid, status: 'SUCCESSFUL', result };
    },
    async close() {
      if (db.open) devices.allOffline();
      closing = true;
      await new Promise<void>((r) => broker.close(() => r()));
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
