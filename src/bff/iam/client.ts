// IAM password login (POST /v3/auth/tokens, project scope by name). The token comes back in
// X-Subject-Token; it is returned to the session layer only and never leaves the server.
import type { Dispatcher, Pool } from 'undici';
import { tokenResponse, type PasswordTokenRequest } from '../../contract/iam';
import { BffError } from '../errors';
import { upstreamFailure } from '../upstream';

export interface LoginInput {
  username: string;
  password: string;
  domain: string;
  project: string;
}

export interface IamLogin {
  token: string;
  expiresAt: number;
  user: { id: string; name: string };
  domain: { id: string; name: string };
  project: { id: string; name: string };
}

const MAX_IAM_BODY = 1024 * 1024;

export class IamClient {
  constructor(private readonly pool: Pool) {}

  async login(input: LoginInput, requestId: string): Promise<IamLogin> {
    const body: PasswordTokenRequest = {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { domain: { name: input.domain }, name: input.username, password: input.password } },
        },
        scope: { project: { name: input.project } },
      },
    };
    let res: Dispatcher.ResponseData;
    try {
      res = await this.pool.request({
        method: 'POST',
        path: '/v3/auth/tokens?nocatalog=true',
        headers: { 'content-type': 'application/json;charset=UTF-8', accept: 'application/json', 'x-request-id': requestId },
        body: JSON.stringify(body),
      });
    } catch (err) {
      throw upstreamFailure(err, 'The identity service (IAM)');
    }

    let text: string;
    try {
      text = await readLimited(res.body, MAX_IAM_BODY);
    } catch (err) {
      throw upstreamFailure(err, 'The identity service (IAM)');
    }
    const status = res.statusCode;
    if (status < 200 || status >= 300) throw iamRefusal(status, res.headers['retry-after']);

    const token = res.headers['x-subject-token'];
    if (typeof token !== 'string' || token.length === 0) {
      throw new BffError('BFF.0016', 'The identity service sent no token');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new BffError('BFF.0016', 'The identity service sent a malformed answer');
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success || !parsed.data.token.project) {
      throw new BffError('BFF.0016', 'The identity service sent no project-scoped token');
    }
    const t = parsed.data.token;
    const project = t.project!;
    const expiresAt = Date.parse(t.expires_at);
    if (!Number.isFinite(expiresAt)) throw new BffError('BFF.0016', 'The identity service sent an invalid expiry time');
    return {
      token,
      expiresAt,
      user: { id: t.user.id, name: t.user.name },
      domain: { id: t.user.domain.id, name: t.user.domain.name },
      project: { id: project.id, name: project.name },
    };
  }
}

async function readLimited(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) {
      body.destroy();
      throw new BffError('BFF.0016', 'The identity service answer is too large');
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One BFF code per kind of IAM refusal, so the login page can say what went wrong (see errors.ts). */
export function iamRefusal(status: number, retryAfter: string | string[] | undefined): BffError {
  if (status === 401) return new BffError('BFF.0004');
  if (status === 403) return new BffError('BFF.0017');
  if (status === 400 || status === 404) return new BffError('BFF.0020');
  if (status === 429) {
    const v = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
    return new BffError('BFF.0021', undefined, v && /^\d{1,6}$/.test(v) ? { 'retry-after': v } : {});
  }
  if (status >= 500) return new BffError('BFF.0022', `The identity service (IAM) failed with HTTP ${status}; try again later`);
  return new BffError('BFF.0016', `The identity service answered HTTP ${status}`);
}
