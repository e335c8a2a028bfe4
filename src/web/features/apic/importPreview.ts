// What an OpenAPI file (Swagger 2.0 or OpenAPI 3.x, JSON or YAML) would import, read in the
// browser before uploading: one row per operation, with the name it will get and any reason the
// server will refuse it that can be seen from the file alone.
import { parse as parseYaml } from 'yaml';
import { APIC_NAME_PATTERN } from '../../../contract/apic';

const METHODS = ['get', 'post', 'put', 'delete', 'head', 'patch', 'options', 'x-apigateway-any-method'];

export interface PreviewRow {
  method: string;
  path: string;
  name: string;
  problem?: 'name' | 'path';
}
export interface Preview {
  format: 'swagger-2.0' | 'openapi-3' | 'unknown';
  title?: string;
  rows: PreviewRow[];
  error?: string;
}

/** The name the server gives an operation: operationId (or method_path) with other characters as `_`. */
export function apiName(raw: string, method: string): string {
  let name = raw.replace(/[^\u4e00-\u9fa5A-Za-z0-9\-_./():]/g, '_').replace(/^[^\u4e00-\u9fa5A-Za-z0-9]+/, '');
  if (name.length < 3) name = `${method.toLowerCase()}_${name || 'api'}`;
  return name.slice(0, 255);
}

export function previewOpenApi(text: string): Preview {
  let doc: unknown;
  try {
    doc = text.trim().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return { format: 'unknown', rows: [], error: (e as Error).message.split('\n')[0] };
  }
  if (doc === null || typeof doc !== 'object') return { format: 'unknown', rows: [], error: 'not an object' };
  const d = doc as { swagger?: unknown; openapi?: unknown; info?: { title?: unknown }; paths?: unknown };
  const format = d.swagger === '2.0' ? 'swagger-2.0' : typeof d.openapi === 'string' && d.openapi.startsWith('3') ? 'openapi-3' : 'unknown';
  const title = typeof d.info?.title === 'string' ? d.info.title : undefined;
  if (format === 'unknown') return { format, title, rows: [], error: 'swagger: "2.0" or openapi: "3.x" expected' };
  if (!d.paths || typeof d.paths !== 'object') return { format, title, rows: [], error: 'no paths' };
  const rows: PreviewRow[] = [];
  for (const [path, item] of Object.entries(d.paths as Record<string, unknown>)) {
    if (!item || typeof item !== 'object') continue;
    for (const [m, op] of Object.entries(item as Record<string, unknown>)) {
      if (!METHODS.includes(m.toLowerCase())) continue;
      const o = (op ?? {}) as { operationId?: unknown; summary?: unknown };
      const method = m.toLowerCase() === 'x-apigateway-any-method' ? 'ANY' : m.toUpperCase();
      const name = apiName(typeof o.operationId === 'string' ? o.operationId : `${method}_${path}`, method);
      const problem = !path.startsWith('/') ? 'path' : !APIC_NAME_PATTERN.test(name) ? 'name' : undefined;
      rows.push({ method, path, name, problem });
    }
  }
  return { format, title, rows };
}
