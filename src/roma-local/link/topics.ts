// Device topics as the vendor documents them. `{device}` is the device's node_id (our choice:
// it is [A-Za-z0-9_-] only, so never an MQTT wildcard, and unique within the product).
import type { DeviceRow } from './device-row';
import type { TopicRow } from './products';

export const outTopic = (serial: string, node: string) => `${serial}/out/${node}`;
export const inTopic = (serial: string, node: string) => `${serial}/in/${node}`;
export const shadowTopic = (serial: string, node: string) => `shadow/update/${serial}/${node}`;
export const customTopic = (t: Pick<TopicRow, 'version' | 'name'>, node: string) => `/${t.version}/${node}/${t.name}`;

export interface DeviceTopicItem {
  id: number; name: string; description: string; permission: 0 | 1; is_private: 0 | 1; topic_type: 0 | 1;
}

/** System topics (id -1, topic_type 0, is_private 0) then the product's custom topics. */
export function deviceTopics(d: Pick<DeviceRow, 'product_serial' | 'node_id'>, custom: TopicRow[]): DeviceTopicItem[] {
  const s = d.product_serial;
  const n = d.node_id;
  return [
    { id: -1, name: outTopic(s, n), description: 'Data report and command replies (device publishes)', permission: 0, is_private: 0, topic_type: 0 },
    { id: -1, name: inTopic(s, n), description: 'Commands to the device (device subscribes)', permission: 1, is_private: 0, topic_type: 0 },
    { id: -1, name: shadowTopic(s, n), description: 'Shadow update (device publishes)', permission: 0, is_private: 0, topic_type: 0 },
    ...custom.map((t) => ({
      id: t.id, name: customTopic(t, n), description: t.description, permission: t.permission, is_private: 1 as const, topic_type: 1 as const,
    })),
  ];
}

/** What one connected device may publish to and subscribe to. */
export interface TopicRights { publish: Set<string>; subscribe: Set<string> }
export function topicRights(d: Pick<DeviceRow, 'product_serial' | 'node_id'>, custom: TopicRow[]): TopicRights {
  const all = deviceTopics(d, custom);
  return {
    publish: new Set(all.filter((t) => t.permission === 0).map((t) => t.name)),
    subscribe: new Set(all.filter((t) => t.permission === 1).map((t) => t.name)),
  };
}
