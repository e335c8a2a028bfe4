// Dictionaries (dictionaries.md). Length limits are not in the reference: marked (chosen).
import { z } from 'zod';
import { listEnvelope, queryInt, MAX_LIMIT, wireTime } from './common';

const CJK = '\\u4e00-\\u9fa5';
export const DICT_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9_ ]+$`);
export const DICT_CODE_PATTERN = /^[A-Za-z0-9_ ]+$/;
export const DICT_EXTEND_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9_ ]*$`);
export const DICT_TYPES = ['system', 'user'] as const;

export const dictName = z.string().trim().min(1).max(64).regex(DICT_NAME_PATTERN, 'invalid characters in name'); // (chosen)
export const dictCode = z.string().trim().min(1).max(64).regex(DICT_CODE_PATTERN, 'invalid characters in code'); // (chosen)
const dictRemark = z.string().max(255); // (chosen)
const dictExtend = z.string().max(64).regex(DICT_EXTEND_PATTERN, 'invalid characters in extension field'); // (chosen)
const dictOrder = z.number().int().min(-2147483648).max(2147483647);

export const dictionary = z.object({
  id: z.string(),
  name: z.string(),
  remark: z.string().optional(),
  code: z.string(),
  extend_one: z.string().optional(),
  extend_two: z.string().optional(),
  parent_code: z.string().optional(),
  type: z.string().optional(),
  order: z.number().optional(),
  create_time: wireTime.optional(),
  update_time: wireTime.optional(),
});
export type Dictionary = z.infer<typeof dictionary>;

export const dictionaryStrict = dictionary.extend({
  remark: z.string(),
  extend_one: z.string(),
  extend_two: z.string(),
  parent_code: z.string(),
  type: z.enum(DICT_TYPES),
  create_time: z.string(),
  update_time: z.string(),
});

/** offset/limit are strings in the SDK: accept both. */
export const dictionaryListQuery = z.object({
  offset: queryInt.pipe(z.number().min(0)).optional(),
  limit: queryInt.pipe(z.number().min(1).max(MAX_LIMIT)).optional(),
  parent_code: z.string().max(64).optional(),
  code: z.string().max(64).optional(),
  name: z.string().max(64).optional(),
});
export type DictionaryListQuery = z.input<typeof dictionaryListQuery>;
export const dictionaryListResponse = listEnvelope('dictionaries', dictionary);
export type DictionaryListResponse = z.infer<typeof dictionaryListResponse>;

export const createDictionaryRequest = z.strictObject({
  name: dictName,
  remark: dictRemark.optional(),
  code: dictCode,
  order: dictOrder.optional(),
  extend_one: dictExtend.optional(),
  extend_two: dictExtend.optional(),
  parent_code: z.string().max(64).optional(),
});
export type CreateDictionaryRequest = z.input<typeof createDictionaryRequest>;

export const updateDictionaryRequest = z
  .strictObject({
    name: dictName.optional(),
    remark: dictRemark.optional(),
    order: dictOrder.optional(),
    extend_one: dictExtend.optional(),
    extend_two: dictExtend.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'request body has no field to update');
export type UpdateDictionaryRequest = z.input<typeof updateDictionaryRequest>;

export const validateDictionaryQuery = z
  .object({ name: z.string().max(64).optional(), code: z.string().max(64).optional() })
  .refine((v) => v.name !== undefined || v.code !== undefined, 'name or code is required');
export const validateDictionaryResponse = z.object({ name: z.string(), code: z.string() });
