// LINK thing model (link.md §5): services, properties, commands and their parameters.
import { z } from 'zod';
import { description200 } from './products';
import { flag01, linkBodyId, linkList, linkPageQuery, linkQueryId, linkUserRef, linkUserRefStrict, queryEpochMs } from './base';

export const linkService = z.object({
  product_template_id: z.number().int().nullable().optional(),
  product_id: z.number().int().nullable().optional(),
  service_id: z.union([z.number(), z.string()]),
  service_name: z.string(),
  description: z.string().optional(),
  status: z.number().int().optional(),
  created_user: linkUserRef.optional(),
  last_updated_user: linkUserRef.optional(),
  created_datetime: z.number().optional(),
  last_updated_datetime: z.number().optional(),
});
export type LinkService = z.infer<typeof linkService>;
export const serviceStrict = linkService.extend({
  product_id: z.number().int(),
  service_id: z.number().int(),
  description: z.string(),
  status: flag01,
  created_user: linkUserRefStrict,
  last_updated_user: linkUserRefStrict,
  created_datetime: z.number().int(),
  last_updated_datetime: z.number().int(),
});
export const serviceListQuery = linkPageQuery.extend({
  service_id: z.string().max(16).optional(),
  service_name: z.string().max(64).optional(),
  product_template_id: linkQueryId.optional(),
  product_id: linkQueryId.optional(),
  created_user_name: z.string().max(64).optional(),
  created_date_start: queryEpochMs.optional(),
  created_date_end: queryEpochMs.optional(),
});
export type ServiceListQuery = z.input<typeof serviceListQuery>;
export const serviceListResponse = linkList(linkService);
const serviceName = z.string().trim().min(2).max(64);
export const createServiceRequest = z
  .strictObject({
    product_template_id: linkBodyId.optional(),
    product_id: linkBodyId.optional(),
    service_name: serviceName,
    description: description200.optional(),
    status: flag01,
  })
  .refine((s) => s.product_id !== undefined || s.product_template_id !== undefined, 'product_id or product_template_id is required');
export type CreateServiceRequest = z.input<typeof createServiceRequest>;
export const updateServiceRequest = z.strictObject({
  service_name: serviceName,
  description: description200.optional(),
  status: flag01,
});
export type UpdateServiceRequest = z.input<typeof updateServiceRequest>;

export const PROPERTY_DATA_TYPES = ['integer', 'number', 'string', 'datetime', 'json'] as const;
export const PROPERTY_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const linkProperty = z.object({
  property_id: z.number().int(),
  property_name: z.string(),
  description: z.string().optional(),
  data_type: z.string(),
  required: z.number().int().optional(),
  min: z.string().nullable().optional(),
  max: z.string().nullable().optional(),
  step: z.string().nullable().optional(),
  max_length: z.number().int().nullable().optional(),
  unit: z.string().nullable().optional(),
  enum_list: z.string().nullable().optional(),
  enum_dict: z.unknown().optional(),
  method: z.string().nullable().optional(),
});
export type LinkProperty = z.infer<typeof linkProperty>;
export const propertyStrict = linkProperty.extend({
  description: z.string(),
  data_type: z.enum(PROPERTY_DATA_TYPES),
  required: flag01,
});
const numericText = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a number');
export const propertyRequest = z
  .strictObject({
    property_name: z.string().min(2).max(50).regex(PROPERTY_NAME_PATTERN, 'starts with a letter; letters, digits, - and _'),
    description: description200.optional(),
    data_type: z.enum(PROPERTY_DATA_TYPES),
    required: flag01,
    min: numericText.optional(),
    max: numericText.optional(),
    step: numericText.optional(),
    max_length: z.number().int().min(1).max(2097152).optional(),
    unit: z.string().max(16).optional(),
    enum_list: z.string().max(1024).optional(),
    enum_dict: z.record(z.string(), z.unknown()).optional(),
    method: z.string().regex(/^[RWE]{1,3}$/, 'R, W and/or E').optional(),
  })
  .superRefine((p, ctx) => {
    if (p.data_type === 'integer' || p.data_type === 'number') {
      for (const k of ['min', 'max', 'step'] as const) {
        if (p[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is required for ${p.data_type}` });
      }
      if (p.min !== undefined && p.max !== undefined && Number(p.min) > Number(p.max)) {
        ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
      }
    } else if (p.max_length === undefined) {
      ctx.addIssue({ code: 'custom', path: ['max_length'], message: `max_length is required for ${p.data_type}` });
    }
  });
export type PropertyRequest = z.input<typeof propertyRequest>;
export const propertyListResponse = linkList(linkProperty);
export const propertyListQuery = linkPageQuery.extend({
  property_id: z.string().max(16).optional(),
  property_name: z.string().max(64).optional(),
  request_id: z.string().max(16).optional(),
  request_name: z.string().max(64).optional(),
  response_id: z.string().max(16).optional(),
  response_name: z.string().max(64).optional(),
});

export const linkCommand = z.object({
  service_id: z.union([z.number(), z.string()]).optional(),
  command_id: z.number().int(),
  command_name: z.string(),
  description: z.string().optional(),
});
export type LinkCommand = z.infer<typeof linkCommand>;
export const commandStrict = linkCommand.extend({ service_id: z.number().int(), description: z.string() });
export const commandListQuery = linkPageQuery.extend({
  command_id: z.string().max(16).optional(),
  command_name: z.string().max(64).optional(),
});
export const commandListResponse = linkList(linkCommand);
export const commandRequest = z.strictObject({
  name: z.string().min(2).max(50).regex(/^[A-Za-z0-9_-]+$/, 'only letters, digits, - and _'),
  description: description200.optional(),
});
export type CommandRequest = z.input<typeof commandRequest>;
