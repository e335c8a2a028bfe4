import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AxiosError, AxiosHeaders } from 'axios';
import { ApiError, errorFromResponse, shouldRetry, toApiError } from './errors';

// The official examples, copied into the repository as test fixtures.
const examplesDir = path.resolve(import.meta.dirname, '../../../tests/fixtures/roma-api-examples');

function errorExamples(): { file: string; status: number; body: Record<string, unknown> }[] {
  const out: { file: string; status: number; body: Record<string, unknown> }[] = [];
  for (const family of fs.readdirSync(examplesDir)) {
    const dir = path.join(examplesDir, family);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
      const m = /\.response\.([45]\d\d)\.json$/.exec(f);
      if (m) out.push({ file: `${family}/${f}`, status: Number(m[1]), body: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) });
    }
  }
  return out;
}

describe('ApiError normalisation: official error examples of every family', () => {
  const examples = errorExamples();
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(30);
    expect(new Set(examples.map((e) => e.file.split('/')[0]))).toEqual(new Set(['apic', 'apps', 'dictionaries', 'fdi', 'instances', 'link']));
  });
  for (const ex of examples) {
    it(ex.file, () => {
      const e = errorFromResponse(ex.status, ex.body, {});
      expect(e).toBeInstanceOf(ApiError);
      expect(e.status).toBe(ex.status);
      expect(e.code).toBe(ex.body.error_code);
      expect(e.message).toBe(ex.body.error_msg);
      if (typeof ex.body.request_id === 'string') expect(e.requestId).toBe(ex.body.request_id);
      if (typeof ex.body.error_details === 'string') expect(e.details).toBe(ex.body.error_details);
      // the same body as raw JSON text normalises the same way
      expect(errorFromResponse(ex.status, JSON.stringify(ex.body)).code).toBe(ex.body.error_code);
    });
  }
});

describe('errorFromResponse', () => {
  it('BFF errors', () => {
    const e = errorFromResponse(401, { error_code: 'BFF.0001', error_msg: 'not logged in', request_id: 'r-1' });
    expect([e.status, e.code, e.message, e.requestId]).toEqual([401, 'BFF.0001', 'not logged in', 'r-1']);
  });
  it('the X-Request-Id header wins over the body, case-insensitively', () => {
    const e = errorFromResponse(500, { error_code: 'X.1', error_msg: 'm', request_id: 'body' }, { 'X-Request-Id': 'hdr' });
    expect(e.requestId).toBe('hdr');
  });
  it('IAM keystone shape {error:{code,message}}', () => {
    const e = errorFromResponse(401, { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } });
    expect(e.code).toBe('401');
    expect(e.message).toMatch(/requires authentication/);
  });
  it('code/message at top level', () => {
    const e = errorFromResponse(400, { code: 'APIGW.0101', message: 'bad' });
    expect([e.code, e.message]).toEqual(['APIGW.0101', 'bad']);
  });
  it('nested more than one level', () => {
    const e = errorFromResponse(502, { outer: { inner: { error_code: 'DEEP.1', error_msg: 'deep' } } });
    expect(e.code).toBe('DEEP.1');
  });
  it('details[] are kept', () => {
    const e = errorFromResponse(400, { error_code: 'E', error_msg: 'm', details: [{ a: 1 }] });
    expect(e.details).toEqual([{ a: 1 }]);
  });
  it('non-JSON text becomes the message verbatim', () => {
    const e = errorFromResponse(502, '<html>Bad Gateway</html>', {}, 'Bad Gateway');
    expect(e.code).toBe('HTTP_502');
    expect(e.message).toBe('<html>Bad Gateway</html>');
  });
  it('empty body falls back to the status text', () => {
    expect(errorFromResponse(503, '', {}, 'Service Unavailable').message).toBe('Service Unavailable');
    expect(errorFromResponse(504, undefined).message).toBe('HTTP 504');
  });
  it('JSON without a known pair', () => {
    const e = errorFromResponse(500, { foo: 'bar' });
    expect(e.code).toBe('HTTP_500');
  });
  it('Retry-After seconds are kept (429)', () => {
    const e = errorFromResponse(429, { error_code: 'BFF.0429', error_msg: 'slow down' }, { 'retry-after': '30' });
    expect(e.retryAfter).toBe(30);
  });
});

describe('toApiError', () => {
  const cfg = { headers: new AxiosHeaders() };
  it('axios error with a response', () => {
    const err = new AxiosError('Request failed', 'ERR_BAD_REQUEST', cfg, {}, {
      status: 404,
      statusText: 'Not Found',
      data: { error_code: 'ROMA.00000101', error_msg: 'not found', request_id: 'abc' },
      headers: new AxiosHeaders({ 'x-request-id': 'hdr-id' }),
      config: cfg,
    });
    const e = toApiError(err);
    expect([e.status, e.code, e.requestId]).toEqual([404, 'ROMA.00000101', 'hdr-id']);
  });
  it('network error → NETWORK', () => {
    const e = toApiError(new AxiosError('Network Error', 'ERR_NETWORK', cfg));
    expect([e.status, e.code]).toEqual([0, 'NETWORK']);
  });
  it('timeout → TIMEOUT', () => {
    expect(toApiError(new AxiosError('timeout of 30000ms exceeded', 'ECONNABORTED', cfg)).code).toBe('TIMEOUT');
    expect(toApiError(new AxiosError('t', 'ETIMEDOUT', cfg)).code).toBe('TIMEOUT');
  });
  it('cancel → CANCELED', () => {
    expect(toApiError(new AxiosError('canceled', 'ERR_CANCELED', cfg)).code).toBe('CANCELED');
  });
  it('plain errors and non-errors', () => {
    expect(toApiError(new Error('boom')).code).toBe('CLIENT');
    expect(toApiError('x').message).toBe('x');
  });
  it('an ApiError passes through', () => {
    const a = new ApiError({ status: 409, code: 'C', message: 'm' });
    expect(toApiError(a)).toBe(a);
  });
});

describe('retry policy', () => {
  it('never retries 4xx', () => {
    for (const s of [400, 401, 403, 404, 409, 429]) expect(shouldRetry(0, new ApiError({ status: s, code: 'X', message: '' }))).toBe(false);
  });
  it('retries 5xx and network errors at most twice', () => {
    const e = new ApiError({ status: 503, code: 'X', message: '' });
    expect(shouldRetry(0, e)).toBe(true);
    expect(shouldRetry(1, e)).toBe(true);
    expect(shouldRetry(2, e)).toBe(false);
    expect(shouldRetry(0, new ApiError({ status: 0, code: 'NETWORK', message: '' }))).toBe(true);
  });
  it('does not retry client-side failures', () => {
    expect(shouldRetry(0, new ApiError({ status: 200, code: 'BAD_RESPONSE', message: '' }))).toBe(false);
  });
});
