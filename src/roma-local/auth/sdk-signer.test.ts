// The signer against the vendor's published test vector (Go SDK signer_test.go, in iam.md) and the
// pieces of the canonical request that differ from AWS SigV4.
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery, canonicalUri, escapeNode, escapeStrict, formatSdkDate, hmacKey, isSdkScheme, parseAuthorization, parseSdkDate, signRequest,
  verifySignature, type ParsedAuthorization,
} from './sdk-signer';

/** The regex parser the scanning one replaced: both must agree on every input. */
function parseAuthorizationByRegex(value: string): ParsedAuthorization | null {
  const m = /^SDK-HMAC-SHA256\s+(.*)$/i.exec(value.trim());
  if (!m?.[1]) return null;
  const fields = new Map<string, string>();
  for (const part of m[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const access = fields.get('access');
  const signed = fields.get('signedheaders');
  const sig = fields.get('signature');
  if (!access || !signed || !sig || !/^[0-9a-f]{64}$/i.test(sig)) return null;
  const signedHeaders = signed.split(';').map((h) => h.trim().toLowerCase());
  if (signedHeaders.some((h) => h === '')) return null;
  return { access, signedHeaders, signature: sig.toLowerCase() };
}

describe('SDK-HMAC-SHA256 signer', () => {
  it('reproduces the vendor test vector', () => {
    const headers = signRequest({
      method: 'GET', url: 'https://example.huaweicloud.com/path?limit=1', ak: 'AccessKey', sk: 'SecretKey',
      headers: { 'X-Sdk-Date': '20060102T150405Z' }, signedHeaders: ['x-sdk-date'],
    });
    expect(headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('any change of method, path, query, signed header or key changes the signature', () => {
    const base = { method: 'GET', url: 'https://example.huaweicloud.com/path?limit=1', ak: 'AccessKey', sk: 'SecretKey', headers: { 'X-Sdk-Date': '20060102T150405Z' }, signedHeaders: ['x-sdk-date'] };
    const sig = (o: Partial<typeof base>) => signRequest({ ...base, ...o }).Authorization;
    const ref = sig({});
    expect(sig({ method: 'POST' })).not.toBe(ref);
    expect(sig({ url: 'https://example.huaweicloud.com/path2?limit=1' })).not.toBe(ref);
    expect(sig({ url: 'https://example.huaweicloud.com/path?limit=2' })).not.toBe(ref);
    expect(sig({ headers: { 'X-Sdk-Date': '20060102T150406Z' } })).not.toBe(ref);
    expect(sig({ sk: 'SecretKey2' })).not.toBe(ref);
    // the trailing slash is added either way (vendor quirk), so /path and /path/ sign alike
    expect(sig({ url: 'https://example.huaweicloud.com/path/?limit=1' })).toBe(ref);
  });

  it('canonical URI and query: escaped segments, trailing slash, sorted keys and values', () => {
    expect(canonicalUri('/v2/p/a b')).toBe('/v2/p/a%20b/');
    expect(canonicalUri("/x/it's(1)*")).toBe('/x/it%27s%281%29%2A/');
    expect(canonicalUri("/x/it's", escapeNode)).toBe("/x/it's/");
    expect(canonicalQuery([['b', '2'], ['a', 'z'], ['a', 'y'], ['c', '']])).toBe('a=y&a=z&b=2&c=');
    expect(canonicalQuery([['Name', 'a b']], escapeStrict, true)).toBe('name=a%20b');
  });

  it('parses the Authorization header and rejects malformed ones', () => {
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;X-Sdk-Date, Signature=${'a'.repeat(64)}`)).toEqual({
      access: 'AK1', signedHeaders: ['host', 'x-sdk-date'], signature: 'a'.repeat(64),
    });
    for (const bad of ['', 'SDK-HMAC-SHA256', 'Bearer x', `SDK-HMAC-SHA256 Access=AK, Signature=${'a'.repeat(64)}`,
      'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=zz', `SDK-HMAC-SHA256 Access=AK, SignedHeaders=;, Signature=${'a'.repeat(64)}`]) {
      expect(parseAuthorization(bad)).toBeNull();
    }
  });

  it('reads and writes X-Sdk-Date', () => {
    expect(parseSdkDate('20060102T150405Z')).toBe(Date.UTC(2006, 0, 2, 15, 4, 5));
    expect(formatSdkDate(Date.UTC(2006, 0, 2, 15, 4, 5))).toBe('20060102T150405Z');
    expect(parseSdkDate('20060231T150405Z')).toBeNull();
    expect(parseSdkDate('2006-01-02T15:04:05Z')).toBeNull();
  });

  it('the scanning Authorization parser agrees with the regex grammar, edge cases included', () => {
    const sig = 'ab'.repeat(32);
    const inputs = [
      `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${sig}`,
      `  sdk-hmac-sha256\tAccess=AK1,SignedHeaders=HOST; X-Sdk-Date ,Signature=${sig.toUpperCase()}  `,
      `SDK-HMAC-SHA256 access=AK1, signedheaders=host, signature=${sig}, extra=1`,
      `SDK-HMAC-SHA256 Access=AK1, Access=AK2, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=AK1, =x, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 =x, Access=AK1, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=${sig},`,
      `SDK-HMAC-SHA256 Access=AK1,, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=A=K, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;;x, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=${sig}0`,
      `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=${sig.slice(1)}g`,
      `SDK-HMAC-SHA256Access=AK1, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 \nAccess=AK1, SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256 Access=AK1,\n SignedHeaders=host, Signature=${sig}`,
      `SDK-HMAC-SHA256\u00a0Access=AK1, SignedHeaders=host, Signature=${sig}`,
      `\u017fDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=${sig}`,
      'SDK-HMAC-SHA256 ', 'SDK-HMAC-SHA256 x', 'SDK-HMAC-SHA25', 'SDK-HMAC-SHA256 Access=AK1',
    ];
    for (const v of inputs) expect(parseAuthorization(v), v).toEqual(parseAuthorizationByRegex(v));
  });

  it('a prefix seen before (Access, SignedHeaders) parses to what the full scan gives, whatever signature follows', () => {
    const prefixes = [
      'SDK-HMAC-SHA256 Access=AK7, SignedHeaders=host;X-Sdk-Date, ', 'sdk-hmac-sha256 access=AK8,signedheaders=host,', 'SDK-HMAC-SHA256 Access=AK9, SignedHeaders=host, Signature=x, ',
      'SDK-HMAC-SHA256 Access=AK1,\n SignedHeaders=host, ', 'SDK-HMAC-SHA256 Access=AK1 SignedHeaders=host ', 'SDK-HMAC-SHA256 ',
    ];
    const tails = ['ab'.repeat(32), 'CD'.repeat(32), `${'a'.repeat(63)}g`, `${'a'.repeat(63)},`, `${'a'.repeat(63)}\n`, 'a'.repeat(64)];
    for (let round = 0; round < 2; round++) { // the second round finds every good prefix remembered
      for (const p of prefixes) {
        for (const t of tails) {
          const v = `${p}Signature=${t}`;
          expect(parseAuthorization(v), JSON.stringify(v)).toEqual(parseAuthorizationByRegex(v));
        }
      }
    }
  });

  it('recognises the scheme as the regex /^SDK-HMAC-SHA256(\\s|$)/i did', () => {
    for (const v of ['SDK-HMAC-SHA256', 'sdk-hmac-sha256 x', 'SDK-HMAC-SHA256\tA', 'SDK-HMAC-SHA2567', 'SDK-HMAC', 'Bearer x', '\u017fDK-HMAC-SHA256 x', '']) {
      expect(isSdkScheme(v), v).toBe(/^SDK-HMAC-SHA256(\s|$)/i.test(v.trim()));
    }
  });

  it('X-Sdk-Date: calendar and clock ranges are checked', () => {
    expect(parseSdkDate(' 20040229T235959Z ')).toBe(Date.UTC(2004, 1, 29, 23, 59, 59));
    expect(parseSdkDate('20000229T000000Z')).toBe(Date.UTC(2000, 1, 29));
    for (const bad of ['20060229T000000Z', '19000229T000000Z', '20061301T000000Z', '20060001T000000Z', '20060100T000000Z', '20060431T000000Z',
      '20060102T240000Z', '20060102T126000Z', '20060102T120060Z', '20060102 150405Z', '20060102T150405', '2006010AT150405Z', '20060102T150405Z0']) {
      expect(parseSdkDate(bad), bad).toBeNull();
    }
  });

  it('verifies with the secret or its hmacKey alike, and refuses a changed signature or secret', () => {
    const date = '20260102T030405Z';
    const h = signRequest({ method: 'GET', url: 'http://api.example.com/a/b?y=2&x=1', ak: 'AK', sk: 'S3cret', headers: { 'X-Sdk-Date': date, 'X-Extra': ' v ' } });
    const parsed = parseAuthorization(h.Authorization!)!;
    const req = { method: 'get', rawPath: '/a/b', rawQuery: 'y=2&x=1', headers: { host: 'api.example.com', 'x-sdk-date': date, 'x-extra': 'v' } };
    const payload = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(verifySignature(req, parsed, 'S3cret', date, payload)).toBe(true);
    expect(verifySignature(req, parsed, hmacKey('S3cret'), date, payload)).toBe(true);
    expect(verifySignature(req, parsed, hmacKey('S3cret!'), date, payload)).toBe(false);
    expect(verifySignature({ ...req, rawQuery: 'y=2&x=2' }, parsed, hmacKey('S3cret'), date, payload)).toBe(false);
    const flipped = { ...parsed, signature: (parsed.signature[0] === 'a' ? 'b' : 'a') + parsed.signature.slice(1) };
    expect(verifySignature(req, flipped, hmacKey('S3cret'), date, payload)).toBe(false);
  });
});
