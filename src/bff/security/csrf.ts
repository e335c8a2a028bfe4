// CSRF: every /bff and /api call must carry the custom header X-CSRF: 1. A cross-site form or
// image cannot set custom headers, and a cross-origin fetch that does needs a CORS preflight,
// which only listed origins pass. Together with SameSite=Strict this blocks forged requests.
import type { IncomingHttpHeaders } from 'node:http';

export function hasCsrfHeader(headers: IncomingHttpHeaders): boolean {
  return headers['x-csrf'] === '1';
}
