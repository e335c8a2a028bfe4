// The debug form → a DebugApiV2 body: path placeholders filled (encoded), query and header
// parameters as lists, empty values left out; the target is the draft or an environment name;
// with an app's credentials roma-local signs the request as that app.
import type { ApiDebugRequest } from '../../../contract/apic';
import type { Api } from '../../api/apic';

export interface DebugForm {
  /** 'DEVELOPER' (the draft) or an environment name */
  target: string;
  values?: Record<string, string | undefined>;
  body?: string;
  /** '' or absent: unsigned; otherwise the id of the app to call as (see DebugAppPicker) */
  app?: string;
}

/** The chosen app's credentials; roma-local signs the debug request with them. */
export interface DebugAppCredentials { app_key: string; app_secret: string }

type Method = ApiDebugRequest['method'];
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];

export function buildDebugRequest(
  api: Pick<Api, 'req_uri' | 'req_method' | 'req_protocol' | 'req_params'>, f: DebugForm, asApp?: DebugAppCredentials,
): ApiDebugRequest {
  const values = f.values ?? {};
  const params = api.req_params ?? [];
  const value = (name: string) => (values[name] ?? '').trim();
  const path = (api.req_uri ?? '/').replace(/\{([A-Za-z][A-Za-z0-9\-_.]*)(\+?)\}/g, (_, name: string, greedy: string) =>
    greedy ? value(name).split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value(name)),
  );
  const pick = (location: string) =>
    Object.fromEntries(params.filter((p) => p.location === location && value(p.name) !== '').map((p) => [p.name, [value(p.name)]]));
  const query = pick('QUERY');
  const header = pick('HEADER');
  const method: Method = (METHODS as readonly string[]).includes(api.req_method ?? '') ? (api.req_method as Method) : 'GET';
  const developer = f.target === 'DEVELOPER';
  return {
    mode: developer ? 'DEVELOPER' : 'CONSUMER',
    scheme: api.req_protocol === 'HTTP' ? 'HTTP' : 'HTTPS',
    method,
    path,
    ...(Object.keys(query).length ? { query } : {}),
    ...(Object.keys(header).length ? { header } : {}),
    ...(f.body ? { body: f.body } : {}),
    ...(developer ? {} : { stage: f.target }),
    ...(asApp ? { app_key: asApp.app_key, app_secret: asApp.app_secret } : {}),
  };
}
