// LINK statistics (link.md §8) and the device MQTT payloads roma-local reads and sends.
import { z } from 'zod';
import { count } from './base';

const stateCounts = z.object({ never_connected: count, online: count, offline: count });
export const devicesCountResponse = z.object({
  product_templates: z.object({ product_templates_numbers: count }),
  products: z.object({ normal_products_numbers: count, gateway_products_numbers: count }),
  devices: z.object({ normal_devices: stateCounts, gateway_devices: stateCounts, subsets_devices: stateCounts }),
});
export type DevicesCountResponse = z.infer<typeof devicesCountResponse>;

// ---- device MQTT payloads (fdi-link-details.md §4.2, §7.B): what devices send and receive ----

const eventTime = z.union([z.string().max(64), z.number()]);
export const serviceData = z.object({
  serviceId: z.union([z.string().min(1).max(64), z.number()]),
  data: z.record(z.string().min(1).max(64), z.unknown()),
  eventTime: eventTime.optional(),
});
/** A direct device's data report (out topic or shadow/update topic). */
export const deviceDataReport = z.object({ services: z.array(serviceData).min(1).max(100) });
export type DeviceDataReport = z.infer<typeof deviceDataReport>;
/** A gateway's report for itself and its sub-devices (`deviceId` = client_id or node_id). */
export const gatewayDataReport = z.object({
  devices: z.array(z.object({ deviceId: z.string().min(1).max(64), services: z.array(serviceData).min(1).max(100) })).min(1).max(100),
});
export type GatewayDataReport = z.infer<typeof gatewayDataReport>;
/** Cloud → device command on the device's in topic. */
export const commandMessage = z.object({
  msgType: z.literal('cloudReq'),
  mid: z.number().int(),
  cmd: z.string(),
  paras: z.record(z.string(), z.unknown()),
  serviceId: z.string(),
  deviceId: z.string(),
});
export type CommandMessage = z.infer<typeof commandMessage>;
/** Device → cloud command reply on the device's out topic. */
export const commandReplyMessage = z.object({
  msgType: z.literal('deviceRsp'),
  mid: z.number().int(),
  errcode: z.number().int().optional(),
  body: z.unknown().optional(),
});
export type CommandReplyMessage = z.infer<typeof commandReplyMessage>;
