// APIC §16 — OpenAPI import / export.
import { z } from 'zod';
import { apicId } from './base';

export const openApiExportRequest = z.strictObject({
  group_id: apicId,
  env_id: apicId.optional(),
  define: z.enum(['spec', 'proxy', 'all', 'dev']).optional(),
  type: z.enum(['json', 'yaml', 'yml']).optional(),
  version: z.string().max(64).optional(),
  apis: z.array(apicId).max(1000).optional(), // export only these APIs of the group
  oas_version: z.enum(['2.0', '3.0']).optional(), // (chosen) Swagger 2.0 by default
});
export type OpenApiExportRequest = z.input<typeof openApiExportRequest>;

/** Multipart text fields of ImportApiDefinitionsV2 (the file travels as `file_name`). */
export const openApiImportFields = z.strictObject({
  is_create_group: z.enum(['true', 'false']).optional(),
  group_id: apicId.optional(),
  app_id: apicId.optional(),
  extend_mode: z.enum(['merge', 'override']).optional(),
  simple_mode: z.enum(['true', 'false']).optional(),
  mock_mode: z.enum(['true', 'false']).optional(),
  api_mode: z.enum(['merge', 'override']).optional(),
});
export type OpenApiImportFields = z.input<typeof openApiImportFields>;
export const openApiImportResponse = z.object({
  success: z.array(z.object({ path: z.string(), method: z.string(), action: z.string(), id: z.string() })),
  failure: z.array(z.object({ path: z.string(), method: z.string(), error_code: z.string(), error_msg: z.string() })),
  swagger: z.object({ id: z.string(), result: z.string() }).optional(),
  group_id: z.string().optional(),
  ignore: z.array(z.object({ method: z.string(), path: z.string() })).optional(),
});
export type OpenApiImportResponse = z.infer<typeof openApiImportResponse>;
