// AK/SK signed requests (SDK-HMAC-SHA256), accepted wherever a token is. Checked in two steps
// because the signature covers the body: the token hook (onRequest) checks the header, the
// date and the key and, for a body-less request, the signature; for a request with a body a
// preParsing tap hashes the bytes as they stream in and preValidation checks the signature,
// before any handler runs. Failures answer as the vendor's API gateway does in front of every
// service: 401 APIGW.0301 "Incorrect IAM authentication information: …" (in the family's body shape).
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { ApiError } from '../errors';
import { AccessKeyStore } from '../iam/access-keys';
import type { TokenInfo } from '../iam/tokens';
import { EMPTY_SHA256, parseAuthorization, parseSdkDate, verifySignature, type ParsedAuthorization } from './sdk-signer';

/** The vendor's allowed clock skew between X-Sdk-Date and the server. */
export const MAX_SKEW_MS = 15 * 60 * 1000;
export const SIGNATURE_ERROR_CODE = 'APIGW.0301';

const stores = new WeakMap<Db, AccessKeyStore>();
/** One store per database (it holds the decrypted master key). */
export function accessKeysOf(ctx: { db: Db; settings: { dataDir: string } }): AccessKeyStore {
  let s = stores.get(ctx.db);
  if (!s) {
    s = new AccessKeyStore(ctx.db, ctx.settings.dataDir);
    stores.set(ctx.db, s);
  }
  return s;
}

interface Pending { parsed: ParsedAuthorization; secret: string; sdkDate: string; bodyHash?: string; done: boolean }
const PENDING = Symbol('roma-local.pendingSignature');
type WithPending = FastifyRequest & { [PENDING]?: Pending };

export const isSigned = (req: FastifyRequest): boolean => {
  const a = req.headers.authorization;
  return typeof a === 'string' && /^SDK-HMAC-SHA256(\s|$)/i.test(a.trim());
};

/** Rendered by the error handler in the family's shape (ROMA: exactly the gateway's body). */
const refused = (detail: string): ApiError => new ApiError(401, SIGNATURE_ERROR_CODE, `Incorrect IAM authentication information: ${detail}`);

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

const hasBody = (req: FastifyRequest): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** Recomputes the signature over this request (see verifySignature). */
function matches(req: FastifyRequest, p: Pending, payloadHash: string): boolean {
  const [rawPath = '/', rawQuery = ''] = req.url.split('?', 2) as [string, string?];
  return verifySignature({ method: req.method, rawPath, rawQuery, headers: req.headers }, p.parsed, p.secret, p.sdkDate, payloadHash);
}

function payloadHashOf(req: FastifyRequest, p: Pending): string {
  // The SDKs sign X-Sdk-Content-Sha256 instead of hashing when the caller sets it; honour it only if signed.
  const declared = p.parsed.signedHeaders.includes('x-sdk-content-sha256') ? header(req, 'x-sdk-content-sha256') : undefined;
  return declared?.trim() || p.bodyHash || EMPTY_SHA256;
}

/**
 * onRequest part: authenticates a signed request (sets req.auth) or throws the 401.
 * The project is X-Project-Id (as the SDKs send) or else the path's.
 */
export function authenticateSigned(ctx: Ctx, req: FastifyRequest): void {
  const parsed = parseAuthorization(header(req, 'authorization') ?? '');
  if (!parsed) throw refused('verify aksk signature fail: malformed Authorization header');
  const sdkDate = header(req, 'x-sdk-date')?.trim() ?? '';
  const at = parseSdkDate(sdkDate);
  if (at === null) throw refused('verify aksk signature fail: X-Sdk-Date missing or not YYYYMMDDTHHMMSSZ');
  if (Math.abs(ctx.now() - at) > MAX_SKEW_MS) {
    throw refused('calc ak sk signature fail: signature expired (X-Sdk-Date is more than 15 minutes from the server time)');
  }
  const key = accessKeysOf(ctx).resolve(parsed.access);
  if (!key) throw refused('Get secretKey failed: unknown or inactive access key');

  const pending: Pending = { parsed, secret: key.secret, sdkDate, done: false };
  if (!hasBody(req)) {
    if (!matches(req, pending, payloadHashOf(req, pending))) throw refused('verify aksk signature fail');
    pending.done = true;
  }
  (req as WithPending)[PENDING] = pending;

  const wanted = header(req, 'x-project-id')?.trim() || (req.params as { project_id?: string } | undefined)?.project_id;
  const project = wanted
    ? (ctx.db.prepare('SELECT id FROM projects WHERE id = ? AND domain_id = ?').get(wanted, key.domainId) as { id: string } | undefined)
    : undefined;
  const info: TokenInfo = { userId: key.userId, userName: key.userName, domainId: key.domainId, projectId: project?.id ?? null, expiresAt: at + MAX_SKEW_MS };
  req.auth = info;
}

/** Registers the body tap and the deferred check; call once, before the routes. */
export function installSignatureCheck(app: FastifyInstance): void {
  app.addHook('preParsing', async (req, _reply, payload) => {
    const p = (req as WithPending)[PENDING];
    if (!p || p.done) return payload;
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) { hash.update(chunk); cb(null, chunk); },
      flush(cb) { p.bodyHash = hash.digest('hex'); cb(); },
    });
    payload.on('error', (err) => tap.destroy(err));
    return payload.pipe(tap);
  });
  app.addHook('preValidation', async (req) => {
    const p = (req as WithPending)[PENDING];
    if (!p || p.done) return;
    if (!matches(req, p, payloadHashOf(req, p))) {
      req.auth = null;
      throw refused('verify aksk signature fail');
    }
    p.done = true;
  });
}
