// plugin_content ⇄ the plugin form's fields, per type. Fields the form does not show (rate_limit
// specials and parameter rules, kafka_log SASL settings, breaker downgrade rules) are kept from
// the stored content on edit.
export const FORM_PLUGIN_TYPES = ['cors', 'set_resp_headers', 'rate_limit', 'kafka_log', 'breaker'] as const;
export type FormPluginType = (typeof FORM_PLUGIN_TYPES)[number];
type Obj = Record<string, unknown>;

const parse = (s?: string): Obj => {
  try {
    const v = JSON.parse(s ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
  } catch { return {}; }
};
const defined = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/** Form values of a stored content. */
export function toForm(type: FormPluginType, content?: string): Obj {
  const c = parse(content);
  if (type === 'kafka_log') return { ...c, broker_list: Array.isArray(c.broker_list) ? (c.broker_list as string[]).join(',') : '' };
  if (type === 'breaker') return { ...((c.breaker_condition as Obj | undefined) ?? {}) };
  if (type === 'set_resp_headers') return { response_headers: Array.isArray(c.response_headers) ? c.response_headers : [{ action: 'override' }] };
  return c;
}

/** The content string of form values, merged over what was stored (edit) so hidden fields survive. */
export function fromForm(type: FormPluginType, values: Obj, stored?: string): string {
  const old = parse(stored);
  let next: Obj;
  switch (type) {
    case 'kafka_log':
      next = { ...old, ...defined(values), broker_list: String(values.broker_list ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
      break;
    case 'breaker':
      next = { ...old, breaker_condition: { ...((old.breaker_condition as Obj | undefined) ?? {}), ...defined(values) } };
      break;
    case 'set_resp_headers':
      next = { response_headers: ((values.response_headers as Obj[] | undefined) ?? []).map((h) => ({ name: h.name, value: h.value ?? '', action: h.action })) };
      break;
    default:
      next = { ...old, ...defined(values) };
  }
  return JSON.stringify(next);
}
