// Small pure helpers of an app's APIC tab (tested in apicModel.test.ts).

/** roma-local refuses a sixth code (APIG.3416); the button says so before the server does. */
export const MAX_APP_CODES_SHOWN = 5;

/** Codes are credentials: show the ends only; the copy button copies the whole value. */
export function maskCode(code: string): string {
  return code.length <= 12 ? '•'.repeat(code.length) : `${code.slice(0, 6)}…${code.slice(-4)}`;
}

/** "GET /path" of an API, for option labels. */
export const apiLabel = (a: { name?: string; req_method?: string; req_uri?: string; group_name?: string }): string =>
  [a.name, a.req_method && a.req_uri ? `${a.req_method} ${a.req_uri}` : '', a.group_name ? `(${a.group_name})` : ''].filter(Boolean).join(' ');
