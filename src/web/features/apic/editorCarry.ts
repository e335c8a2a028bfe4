// What the editor must not lose: an API's saved definition as a CreateApiV2 body, read from the
// API object by the contract's own create schema (so every field the server accepts is kept,
// and the read-only parts the answer adds — ids, times, group info — are not). The editor
// overlays its fields on this, so policy backends, authorizers, VPC channels, parameter rules
// and anything else it does not show reach the update request unchanged.
import { z } from 'zod';
import { apiCreateObject, type ApiCreateRequest } from '../../../contract/apic';
import type { Api } from '../../api/apic';

/** `value` reduced to what `schema` accepts as input: unknown keys and nulls dropped, recursively. */
export function strip(value: unknown, schema: z.ZodType): unknown {
  if (value === null || value === undefined) return undefined;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return strip(value, schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const v = strip((value as Record<string, unknown>)[k], s);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (schema instanceof z.ZodArray) return Array.isArray(value) ? value.map((x) => strip(x, schema.element as z.ZodType)) : undefined;
  return value;
}

/** The saved definition of an API, as the body that would save it unchanged. */
export function carryOf(api: Api): ApiCreateRequest {
  return strip(api, apiCreateObject) as ApiCreateRequest;
}

/** Request-parameter rule fields kept on a parameter row (edited in the row's rules, or carried as they are). */
export const PARAM_RULE_KEYS = [
  'valid_enable', 'enumerations', 'min_num', 'max_num', 'min_size', 'max_size', 'regular', 'json_schema', 'pass_through', 'orchestrations',
] as const;

/** Policy backends of a definition, for a read-only list: kind, name and target. */
export function policyBackends(carry: ApiCreateRequest | undefined): { kind: 'HTTP' | 'MOCK' | 'FUNCTION'; name: string; target: string }[] {
  if (!carry) return [];
  return [
    ...(carry.policy_https ?? []).map((p) => ({ kind: 'HTTP' as const, name: p.name, target: `${p.req_method} ${p.req_protocol.toLowerCase()}://${p.url_domain ?? p.vpc_channel_info?.vpc_channel_id ?? ''}${p.req_uri}` })),
    ...(carry.policy_mocks ?? []).map((p) => ({ kind: 'MOCK' as const, name: p.name, target: String(p.status_code ?? 200) })),
    ...(carry.policy_functions ?? []).map((p) => ({ kind: 'FUNCTION' as const, name: p.name, target: p.function_urn })),
  ];
}
