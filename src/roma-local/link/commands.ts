// Commands to devices: published to the device's `in` topic; sync ones wait up to 5 s for the
// device's reply, async ones to an offline (or not yet subscribed) device are kept and
// delivered when it subscribes to its `in` topic.
import type { CommandMessage } from '../../contract/index';
import type { Db } from '../db/open';
import type { LinkClient, Session } from './broker-session';
import type { Replies } from './device-messages';
import type { DeviceRow } from './device-row';
import { LINK } from './errors';
import { stmt } from './sql';
import { inTopic } from './topics';

export const COMMAND_TIMEOUT_MS = 5000;

export interface CommandResult { mid: number; status: 'SUCCESSFUL' | 'SENT' | 'PENDING'; result?: unknown }
export type SendCommand = (device: DeviceRow, msg: Omit<CommandMessage, 'mid'>, sync: boolean) => Promise<CommandResult>;

interface Deps { db: Db; now: () => number; replies: Replies; live: (clientId: string) => LinkClient | undefined; publish: (topic: string, payload: string) => void }

export function commands({ db, now, replies, live, publish }: Deps): { send: SendCommand; deliverPending: (s: Session) => void } {
  let nextMid = 1 + Math.floor(Math.random() * 100000);

  function deliverPending(s: Session): void {
    const rows = stmt(db, 'SELECT id, payload FROM link_pending_commands WHERE device_id = ? ORDER BY id').all(s.deviceId) as
      { id: number; payload: string }[];
    for (const r of rows) {
      publish(inTopic(s.serial, s.node), r.payload);
      stmt(db, 'DELETE FROM link_pending_commands WHERE id = ?').run(r.id);
    }
  }

  async function send(device: DeviceRow, msg: Omit<CommandMessage, 'mid'>, sync: boolean): Promise<CommandResult> {
    const mid = nextMid++;
    const payload = JSON.stringify({ msgType: msg.msgType, mid, cmd: msg.cmd, paras: msg.paras, serviceId: msg.serviceId, deviceId: msg.deviceId });
    const topic = inTopic(device.product_serial, device.node_id);
    const client = live(device.client_id);
    if (!sync) {
      if (client?.link && (client as unknown as { subscriptions: Record<string, unknown> }).subscriptions[topic]) {
        publish(topic, payload);
        return { mid, status: 'SENT' };
      }
      stmt(db, 'INSERT INTO link_pending_commands (device_id, payload, created_at) VALUES (?, ?, ?)').run(device.id, payload, now());
      return { mid, status: 'PENDING' };
    }
    if (!client) throw LINK.deviceOffline();
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
  }

  return { send, deliverPending };
}
