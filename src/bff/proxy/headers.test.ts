import { describe, expect, it } from 'vitest';
import { browserResponseHeaders, upstreamRequestHeaders } from './headers';

describe('upstreamRequestHeaders', () => {
  it('keeps only the allow-list and sets token and request id itself', () => {
    const out = upstreamRequestHeaders(
      {
        'content-type': 'application/json',
        accept: 'application/json',
        'accept-language': 'zh-CN',
        'content-length': '12',
        cookie: 'roma_sid=abc',
        authorization: 'Basic x',
        'x-auth-token': 'forged',
        'x-subject-token': 'forged',
        host: 'evil.example.com',
        'x-forwarded-for': '1.2.3.4',
        'x-forwarded-host': 'evil',
        'x-csrf': '1',
        'x-request-id': 'from-browser',
        'x-project-id': 'other',
      },
      'TOKEN',
      'rid-1',
    );
    expect(out).toEqual({
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': 'zh-CN',
      'content-length': '12',
      'x-request-id': 'rid-1',
      'x-auth-token': 'TOKEN',
    });
  });
});

describe('browserResponseHeaders', () => {
  it('passes the useful headers and drops cookies, hop-by-hop and security overrides', () => {
    const out = browserResponseHeaders({
      'content-type': 'application/json',
      'x-request-id': 'up-1',
      'retry-after': '5',
      'content-disposition': 'attachment; filename="a.zip"',
      'set-cookie': ['a=b'],
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'x-subject-token': 'secret',
      'content-security-policy': "default-src *",
      'access-control-allow-origin': '*',
    });
    expect(out).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'up-1',
      'retry-after': '5',
      'content-disposition': 'attachment; filename="a.zip"',
    });
  });
});
