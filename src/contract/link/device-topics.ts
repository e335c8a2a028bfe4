// LINK device topics, sub-devices of a gateway and the device export query (link.md §3).
import { z } from 'zod';
import { linkPageQuery, linkQueryId, linkList, queryFlag01 } from './base';
import { device, onlineStatusList, idList } from './devices';

export const deviceTopicsQuery = linkPageQuery.extend({
  name: z.string().max(128).optional(),
  topic_permission: queryFlag01.optional(),
  topic_type: queryFlag01.optional(),
  is_private: queryFlag01.optional(),
});
export type DeviceTopicsQuery = z.input<typeof deviceTopicsQuery>;
export const deviceTopic = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  description: z.string().optional(),
  permission: z.number().int().optional(),
  is_private: z.number().int().optional(),
});
export type DeviceTopic = z.infer<typeof deviceTopic>;
export const deviceTopicListResponse = linkList(deviceTopic);

export const subsetsQuery = linkPageQuery.extend({
  device_name: z.string().max(64).optional(),
  status: queryFlag01.optional(),
  online_status: onlineStatusList.optional(),
});
export type SubsetsQuery = z.input<typeof subsetsQuery>;
export const subsetListResponse = linkList(device);
export const addSubsetsRequest = z.strictObject({ resources: idList });
export type AddSubsetsRequest = z.input<typeof addSubsetsRequest>;
export const addSubsetsResponse = z.array(device);

/** DownloadDevices (fdi-link-details.md §4.4). Only csv is produced by roma-local. */
export const deviceExportQuery = z.object({
  device_ids: z.union([z.array(linkQueryId), linkQueryId.transform((v) => [v])]).optional(),
  password_type: queryFlag01.optional(),
  file_export_type: z.enum(['csv', 'xls']).optional(),
});
export type DeviceExportQuery = z.input<typeof deviceExportQuery>;
