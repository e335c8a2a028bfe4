// GET /bff/info for the login page, and ROMA_REGION deciding "cloud" in startConsole.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleHandle } from '../../src/main';
import { call } from '../support/http';

describe('GET /bff/info and ROMA_REGION', () => {
  const handles: ConsoleHandle[] = [];
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-info-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const h of handles) await h.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('ROMA_REGION alone means the cloud: vendor endpoints, no roma-local, shown without a session', async () => {
    const h = await startConsole({ env: { ROMA_REGION: 'cn-north-4' }, port: 0, staticDir: null, dataDir: tmp(), logger: false });
    handles.push(h);
    expect(h.embedded).toBe(false);
    expect(h.upstream).toEqual({ roma: 'https://roma.cn-north-4.myhuaweicloud.com', iam: 'https://iam.cn-north-4.myhuaweicloud.com' });
    const res = await call(h.url, '/bff/info');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      target: { kind: 'cloud', region: 'cn-north-4', endpoint: 'roma.cn-north-4.myhuaweicloud.com', iam_endpoint: 'iam.cn-north-4.myhuaweicloud.com' },
    });
    expect((await call(h.url, '/bff/info', { method: 'POST' })).status).toBe(405);
  });

  it('an explicit endpoint still wins over the region', async () => {
    const h = await startConsole({
      env: { ROMA_REGION: 'ap-southeast-1', ROMA_ENDPOINT: 'https://roma.example.com:8443' },
      port: 0,
      staticDir: null,
      dataDir: tmp(),
      logger: false,
    });
    handles.push(h);
    expect((await call(h.url, '/bff/info')).json).toMatchObject({
      target: { kind: 'cloud', region: 'ap-southeast-1', endpoint: 'roma.example.com:8443', iam_endpoint: 'iam.ap-southeast-1.myhuaweicloud.com' },
    });
  });

  it('embedded: kind roma-local, and the audit trail is kept in the data folder', async () => {
    const dataDir = tmp();
    const h = await startConsole({ env: { ROMA_LOCAL_PASSWORD: 'Test-Passw0rd!' }, port: 0, staticDir: null, dataDir, logger: false });
    handles.push(h);
    expect(h.embedded).toBe(true);
    const info = (await call(h.url, '/bff/info')).json as { target: { kind: string; region: string | null; endpoint: string } };
    expect(info.target).toMatchObject({ kind: 'roma-local', region: null, endpoint: new URL(h.romaLocalUrl!).host });
    expect(fs.existsSync(path.join(dataDir, 'audit.sqlite'))).toBe(true);
  });

  it('refuses a half-configured cloud', async () => {
    await expect(startConsole({ env: { ROMA_ENDPOINT: 'https://roma.example.com' }, port: 0, staticDir: null, dataDir: tmp(), logger: false })).rejects.toThrow(
      /ROMA_REGION, or both ROMA_ENDPOINT and IAM_ENDPOINT/,
    );
  });
});
