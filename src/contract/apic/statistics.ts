// APIC §17 — call statistics.
import { z } from 'zod';
import { queryInt, wireTime } from '../common';

const duration = z.string().regex(/^(\d+h)?(\d+m)?$/, 'e.g. 1h, 30m or 2h45m').refine((s) => s.length > 0, 'empty duration');
export const statisticsQuery = z.object({
  mode: z.enum(['INSTANCE', 'ALL', 'APP', 'API']).optional(),
  roma_app_id: z.string().max(64).optional(),
  api_id: z.string().max(64).optional(),
  cycle: z.enum(['minute', 'hour', 'day']).optional(),
  start_time: queryInt.optional(),
  end_time: queryInt.optional(),
  duration: duration.optional(),
});
export type StatisticsQuery = z.input<typeof statisticsQuery>;
export const latestStatisticsQuery = z.object({ api_id: z.string().min(1).max(64), duration });
export const apiStatistic = z.object({
  api_id: z.string().optional(),
  group_id: z.string().optional(),
  provider: z.string().optional(),
  req_time: wireTime.optional(),
  register_time: wireTime.optional(),
  req_count: z.number().int().optional(),
  req_count_2xx: z.number().int().optional(),
  req_count_4xx: z.number().int().optional(),
  req_count_5xx: z.number().int().optional(),
  req_count_error: z.number().int().optional(),
  max_latency: z.number().optional(),
  avg_latency: z.number().optional(),
  max_backend_latency: z.number().optional(),
  avg_backend_latency: z.number().optional(),
  output_throughput: z.number().optional(),
  input_throughput: z.number().optional(),
  current_minute: z.number().int().optional(),
  cycle: z.string().optional(),
});
export type ApiStatistic = z.infer<typeof apiStatistic>;
export const statisticsResponse = z.object({
  code: z.string().optional(),
  start_time: z.number().int().optional(),
  end_time: z.number().int().optional(),
  list: z.array(apiStatistic),
});
export type StatisticsResponse = z.infer<typeof statisticsResponse>;
