// What a device publishes: command replies (matched to a waiting sync command by mid), data
// reports and gateway reports (into the shadow), and the last-active time.
import type { PublishPacket } from 'aedes';
import { commandReplyMessage, deviceDataReport, gatewayDataReport, type DeviceDataReport } from '../../contract/index';
import type { Db } from '../db/open';
import type { Session } from './broker-session';
import { touchDevice } from './device-status';
import { parseEventTime, ShadowStore, type ShadowEntry } from './shadow';
import { stmt } from './sql';
import { outTopic, shadowTopic } from './topics';

const TOUCH_EVERY_MS = 1000; // last_active_time granularity, so data reports do not write twice

export type Replies = Map<number, { deviceId: number; done: (r: unknown) => void }>;

export function deviceMessages(db: Db, now: () => number, replies: Replies): (s: Session, packet: PublishPacket) => void {
  const shadow = new ShadowStore(db);
  const entries = (services: DeviceDataReport['services'], t: number): ShadowEntry[] =>
    services.flatMap((sv) => Object.entries(sv.data).map(([property, value]) => ({
      service: String(sv.serviceId), property, value, at: parseEventTime(sv.eventTime, t),
    })));

  return (s, packet) => {
    const t = now();
    if (t - s.lastTouch >= TOUCH_EVERY_MS) {
      s.lastTouch = t;
      touchDevice(db, s.deviceId, t);
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
  };
}
