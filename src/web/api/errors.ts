// ApiError: every failure the console shows, whatever family or layer produced it.
// Kept free of axios so the bootstrap (retry policy) can use it without pulling axios in.

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  details?: unknown;
  retryAfter?: number;
}

/** Codes the console makes itself when there is no server answer to show. */
export const CLIENT_CODES = {
  network: 'NETWORK',
  timeout: 'TIMEOUT',
  canceled: 'CANCELED',
  badResponse: 'BAD_RESPONSE',
  client: 'CLIENT',
} as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly details?: unknown;
  readonly retryAfter?: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
    this.retryAfter = init.retryAfter;
  }

  /** 4xx: the request itself is wrong or refused; retrying will not help (429 aside). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

interface Found {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

/** The vendor SDK's rule: error_code+error_msg, else code+message, else recurse one level at a time. */
function findPair(body: Json, depth: number): Found | undefined {
  if (isScalar(body.error_code) && isScalar(body.error_msg)) {
    return {
      code: String(body.error_code),
      message: String(body.error_msg),
      details: body.error_details ?? body.details,
      requestId: typeof body.request_id === 'string' ? body.request_id : undefined,
    };
  }
  if (isScalar(body.code) && typeof body.message === 'string') {
    return {
      code: String(body.code),
      message: body.message,
      details: body.details ?? body.title,
      requestId: typeof body.request_id === 'string' ? body.request_id : undefined,
    };
  }
  if (depth <= 0) return undefined;
  for (const v of Object.values(body)) {
    if (isObj(v)) {
      const f = findPair(v, depth - 1);
      if (f) return f;
    }
  }
  return undefined;
}

const MAX_TEXT = 500;

/** Normalise one HTTP error answer (any family's body, JSON or not) into an ApiError. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Record<string, unknown> = {},
  statusText = '',
): ApiError {
  const header = (name: string): string | undefined => {
    const hit = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const v = hit === undefined ? undefined : headers[hit];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const headerRequestId = header('x-request-id');
  const ra = header('retry-after');
  const retryAfter = ra !== undefined && /^\d+$/.test(ra) ? Number(ra) : undefined;

  let parsed: unknown = body;
  if (typeof body === 'string') {
    const text = body.trim();
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (isObj(parsed)) {
    const f = findPair(parsed, 3);
    if (f) {
      return new ApiError({
        status,
        code: f.code,
        message: f.message,
        details: f.details,
        requestId: headerRequestId ?? f.requestId,
        retryAfter,
      });
    }
  }
  const text = typeof parsed === 'string' && parsed !== '' ? parsed.slice(0, MAX_TEXT) : undefined;
  return new ApiError({
    status,
    code: `HTTP_${status}`,
    message: text ?? (statusText || `HTTP ${status}`),
    requestId: headerRequestId,
    retryAfter,
  });
}

interface AxiosLike {
  isAxiosError: true;
  code?: string;
  message: string;
  response?: { status: number; statusText?: string; data?: unknown; headers?: unknown };
}
const isAxiosLike = (e: unknown): e is AxiosLike => isObj(e) && e.isAxiosError === true;

function plainHeaders(h: unknown): Record<string, unknown> {
  if (!isObj(h)) return {};
  // AxiosHeaders has toJSON(); plain objects pass through.
  const maybe = h as { toJSON?: () => unknown };
  const json = typeof maybe.toJSON === 'function' ? maybe.toJSON() : h;
  return isObj(json) ? json : {};
}

/** Anything thrown by a request (axios error, ApiError, zod error, bug) → ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isAxiosLike(err)) {
    if (err.response) {
      return errorFromResponse(
        err.response.status,
        err.response.data,
        plainHeaders(err.response.headers),
        err.response.statusText,
      );
    }
    if (err.code === 'ERR_CANCELED') {
      return new ApiError({ status: 0, code: CLIENT_CODES.canceled, message: err.message || 'canceled' });
    }
    if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') {
      return new ApiError({ status: 0, code: CLIENT_CODES.timeout, message: err.message || 'timeout' });
    }
    return new ApiError({ status: 0, code: CLIENT_CODES.network, message: err.message || 'Network Error' });
  }
  if (err instanceof Error) {
    return new ApiError({ status: 0, code: CLIENT_CODES.client, message: err.message });
  }
  return new ApiError({ status: 0, code: CLIENT_CODES.client, message: String(err) });
}

/** Retry policy shared by every query: never 4xx, never client-side failures; transient ones twice. */
export function shouldRetry(failureCount: number, err: unknown): boolean {
  if (failureCount >= 2) return false;
  if (err instanceof ApiError) {
    if (err.isClientError) return false;
    if (err.code === CLIENT_CODES.client || err.code === CLIENT_CODES.badResponse || err.code === CLIENT_CODES.canceled) {
      return false;
    }
  }
  return true;
}
