// APIC building blocks: paging, the list envelope, field rules and enums every resource uses.
// Requests are strict (unknown keys refused); responses are lenient with `*Strict` variants that
// describe exactly what roma-local sends. Limits not in the reference are (chosen).
import { z } from 'zod';
import { queryInt } from '../common';

// paging and envelopes (APIC: offset int64, < 0 coerced to 0; `{ size, total, <plural> }`)

export const APIC_DEFAULT_LIMIT = 20;
export const APIC_MAX_LIMIT = 500; // (chosen: the stand-alone APIG service documents 500)

export const apicPaging = z.object({
  offset: queryInt.transform((n) => Math.max(0, n)).optional(),
  limit: queryInt.pipe(z.number().int().min(1).max(APIC_MAX_LIMIT)).optional(),
});
export type ApicPaging = z.infer<typeof apicPaging>;

const count = z.number().int().min(0);
export function apicList<K extends string, T extends z.ZodType>(key: K, item: T) {
  const shape = { size: count, total: count, [key]: z.array(item) } as {
    size: typeof count;
    total: typeof count;
  } & Record<K, z.ZodArray<T>>;
  return z.object(shape);
}

/** Comma-separated parameter names switching fuzzy filters to exact match. */
export const preciseSearch = z.string().max(256).optional();

// shared field rules

const CJK = '\\u4e00-\\u9fa5';
/** API / group names: Chinese, letters, digits, `-_./():`, Chinese `（）：、`; starts with letter, Chinese or digit. */
export const APIC_NAME_PATTERN = new RegExp(`^[${CJK}A-Za-z0-9][${CJK}A-Za-z0-9\\-_./():（）：、]*$`);
export const apicName = z.string().min(3).max(255).regex(APIC_NAME_PATTERN, 'invalid characters in name');
/** Remarks: no `<` or `>`. */
export const apicRemark = z.string().max(1000).regex(/^[^<>]*$/, 'must not contain < or >');
export const apicId = z.string().min(1).max(64);
/** Environment names: letters, digits, `_`; starts with a letter. */
export const ENV_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Parameter names: letters, digits, `-_.`; starts with a letter. */
export const PARAM_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9\-_.]*$/;
/** Environment variable names, referenced as `#name#`. */
export const ENV_VAR_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const ENV_VAR_VALUE_PATTERN = /^[A-Za-z0-9_\-/.:]+$/;
/** `{name}` or `{name+}` placeholders of a request path. */
export const PATH_PARAM_RE = /\{([A-Za-z][A-Za-z0-9\-_.]*)(\+?)\}/g;
/** `#name#` environment variable references. */
export const ENV_VAR_REF_RE = /#([A-Za-z][A-Za-z0-9_-]*)#/g;

/** The default environment (RELEASE) as the official examples name it. */
export const DEFAULT_ENV_ID = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
export const DEFAULT_ENV_NAME = 'RELEASE';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'ANY'] as const;
export const httpMethod = z.enum(HTTP_METHODS);
export const AUTH_TYPES = ['NONE', 'APP', 'IAM', 'AUTHORIZER'] as const;
export const BACKEND_TYPES = ['HTTP', 'FUNCTION', 'MOCK'] as const;
export const PARAM_LOCATIONS = ['PATH', 'QUERY', 'HEADER'] as const;
export const BACKEND_PARAM_ORIGINS = ['REQUEST', 'CONSTANT', 'SYSTEM'] as const;
export const CONTENT_TYPES = ['application/json', 'application/xml', 'multipart/form-data', 'text/plain'] as const;
/** Mock `status_code` values the reference allows. */
export const MOCK_STATUS_CODES = [
  200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 306, 307,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 450, 451,
  500, 501, 502, 503, 504, 505,
] as const;
/** System parameters a backend parameter with origin SYSTEM may name (gateway context). */
export const SYSTEM_PARAMS = [
  '$context.sourceIp', '$context.stage', '$context.apiId', '$context.appId', '$context.requestId',
  '$context.serverAddr', '$context.serverName', '$context.handleTime', '$context.providerAppId',
  '$context.apiName', '$context.appName', '$context.userId', '$context.domainId', '$context.projectId',
] as const;
export const SYSTEM_PARAM_RE = /^\$context\.[A-Za-z][A-Za-z0-9_.]*$/; // incl. $context.authorizer.frontend.*

export const int12 = z.union([z.literal(1), z.literal(2)]);
