// Gateway stage `app-auth` (after `auth`): APIs with auth_type APP accept a request signed with
// an integration app's key and secret (SDK-HMAC-SHA256, the verifier shared with roma-local's
// AK/SK check) or, when the API allows it (auth_opt.app_code_auth_type HEADER), an
// `X-Apig-AppCode` header. The app must be authorised to the API in the request's environment.
// On success `ctx.app = { id, name, key }` for the consumer stages that follow (quotas, throttling).
import type { Db } from '../../db/open';
import { MAX_SKEW_MS } from '../../auth/signed';
import { EMPTY_SHA256, formatSdkDate, hmacKey, isSdkScheme, parseAuthorization, parseSdkDate, sha256Hex, verifySignature } from '../../auth/sdk-signer';
import { GW } from '../gateway/errors';
import type { GatewayContext, Stage } from '../gateway/pipeline';
import { header } from '../gateway/stages';
import { AppIndex, type AppHit } from './app-index';
import { ReplayGuard, replayKey } from './replay';

export const APP_CODE_HEADER = 'x-apig-appcode';

function bySignature(index: AppIndex, ctx: GatewayContext, authorization: string, now: number, replays: ReplayGuard): AppHit {
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw GW.app('verify signature fail: malformed Authorization header');
  const sdkDate = header(ctx.req, 'x-sdk-date')?.trim() ?? '';
  const at = parseSdkDate(sdkDate);
  if (at === null) throw GW.app('verify signature fail: X-Sdk-Date missing or not YYYYMMDDTHHMMSSZ');
  if (Math.abs(now - at) > MAX_SKEW_MS) {
    throw GW.app(`signature expired, signature time:${sdkDate},server time:${formatSdkDate(now)}`);
  }
  const app = index.appByKey(ctx.instanceId, parsed.access);
  if (!app) throw GW.app(`app not found, appkey ${parsed.access}`);
  // The SDKs sign X-Sdk-Content-Sha256 instead of hashing the body when the caller sets it; honour it only if signed.
  const declared = parsed.signedHeaders.includes('x-sdk-content-sha256') ? header(ctx.req, 'x-sdk-content-sha256')?.trim() : undefined;
  const payloadHash = declared || (ctx.req.body.length > 0 ? sha256Hex(ctx.req.body) : EMPTY_SHA256);
  const rawQuery = ctx.req.query.size === 0 ? '' : ctx.req.query.toString();
  const ok = verifySignature(
    { method: ctx.req.method, rawPath: ctx.req.path, rawQuery, headers: ctx.req.headers },
    parsed, (app.hmac ??= hmacKey(app.secret)), sdkDate, payloadHash,
  );
  if (!ok) throw GW.app('verify signature fail');
  if (!replays.firstUse(replayKey(parsed.signature), at, now)) throw GW.app('signature replayed: this signature was already used (send a new X-Sdk-Date or request)');
  return app;
}

function byAppCode(index: AppIndex, ctx: GatewayContext, code: string): AppHit {
  const api = ctx.match!.route.api;
  if (api.auth_opt?.app_code_auth_type !== 'HEADER') throw GW.app('app code authentication is not enabled for this API (sign the request)');
  const app = index.appByCode(ctx.instanceId, code);
  if (!app) throw GW.app('app code not found');
  return app;
}

export function appAuthStage(db: Db, now: () => number, replays = new ReplayGuard(MAX_SKEW_MS)): Stage {
  const index = new AppIndex(db);
  return (ctx) => {
    const api = ctx.match!.route.api;
    if (api.auth_type !== 'APP') return;
    const authorization = header(ctx.req, 'authorization')?.trim();
    const code = header(ctx.req, APP_CODE_HEADER)?.trim();
    const signed = authorization !== undefined && isSdkScheme(authorization);
    let app: AppHit;
    if (signed) app = bySignature(index, ctx, authorization, now(), replays);
    else if (code) app = byAppCode(index, ctx, code);
    else throw GW.app('no SDK-HMAC-SHA256 Authorization header or X-Apig-AppCode header');
    if (!index.authorised(api.id, ctx.envId, app.id)) throw GW.appNotAuthorized();
    ctx.app = (app.consumer ??= { id: app.id, name: app.name, key: app.app_key }); // read-only to the stages after this one
    if (ctx.trace) ctx.log.push(`auth: APP ${app.name} (${app.id}) by ${signed ? 'signature' : 'AppCode'}`);
  };
}
