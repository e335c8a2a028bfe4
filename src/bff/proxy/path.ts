// Which browser paths may reach the upstream. Checks run on the RAW request target (before any
// decoding), so nothing the upstream or a proxy in between might normalise differently passes:
// no dot segments, no empty segments, no encoded slash/backslash/dot, no control characters.

export type PathCheck =
  | { ok: true; projectId: string; upstreamPath: string; query: string }
  | { ok: false; reason: 'bad-path' | 'not-api' };

const API_PREFIX = '/api/v2/';
// Characters allowed raw in a path: RFC 3986 pchar (unreserved, sub-delims, ':', '@') plus '/' and '%'.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
// Query: forwarded as-is, but only printable ASCII (Node's parser already refuses most else).
const QUERY_CHARS = /^[\x21-\x7e]*$/;
const BAD_ESCAPES = /%(2f|5c|2e|00|[01][0-9a-f]|7f)/i;
const MALFORMED_ESCAPE = /%(?![0-9a-f]{2})/i;

/** Splits and vets `/api/v2/{project_id}/...?query` into the upstream `/v2/{project_id}/...`. */
export function checkApiPath(rawUrl: string): PathCheck {
  const q = rawUrl.indexOf('?');
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = q === -1 ? '' : rawUrl.slice(q); // includes '?'
  if (!path.startsWith(API_PREFIX)) return { ok: false, reason: 'not-api' };
  if (!PATH_CHARS.test(path)) return { ok: false, reason: 'bad-path' };
  if (BAD_ESCAPES.test(path) || MALFORMED_ESCAPE.test(path)) return { ok: false, reason: 'bad-path' };
  if (query.includes('#') || !QUERY_CHARS.test(query.slice(1)) || MALFORMED_ESCAPE.test(query)) {
    return { ok: false, reason: 'bad-path' };
  }
  if (/%00/.test(query)) return { ok: false, reason: 'bad-path' };
  const rest = path.slice('/api'.length); // "/v2/..."
  const segments = rest.split('/').slice(1); // ["v2", project, ...]
  for (const seg of segments) {
    if (seg === '' || seg === '.' || seg === '..') {
      // A trailing slash is the only empty segment tolerated.
      if (!(seg === '' && seg === segments[segments.length - 1] && segments.length > 2)) {
        return { ok: false, reason: 'bad-path' };
      }
    }
  }
  const projectId = segments[1] ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) return { ok: false, reason: 'bad-path' };
  return { ok: true, projectId, upstreamPath: rest, query };
}
