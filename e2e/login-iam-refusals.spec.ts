// Each way the cloud's IAM can refuse a login (400, 403, 429, 5xx) reaches the operator as its own
// sentence with the BFF code, not a generic failure. A console of its own runs for this file,
// pointed at a test IAM that answers the status named in the user name ("status-429").
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startConsole } from '../src/main';
import { test as base, expect } from './support/fixtures';
import { e2eStaticDir } from './support/static-dir';
import { LoginPage } from './pages/LoginPage';

function startTestIam(): Promise<http.Server> {
  const iam = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const status = Number(/status-(\d{3})/.exec(text)?.[1] ?? 401);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (status === 429) headers['retry-after'] = '42';
      res.writeHead(status, headers);
      res.end(JSON.stringify({ error: { code: String(status), message: 'iam says no', title: 'refused' } }));
    });
  });
  return new Promise((resolve) => iam.listen(0, '127.0.0.1', () => resolve(iam)));
}

const test = base.extend<object, { refusingConsole: string }>({
  refusingConsole: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use) => {
      const iam = await startTestIam();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-e2e-iam-'));
      const iamUrl = `http://127.0.0.1:${(iam.address() as AddressInfo).port}`;
      const handle = await startConsole({
        port: 0,
        dataDir,
        staticDir: e2eStaticDir(),
        // The "cloud" is never reached: every login stops at the test IAM.
        env: { ...process.env, ROMA_REGION: '', ROMA_ENDPOINT: iamUrl, IAM_ENDPOINT: iamUrl },
        logger: false,
      });
      try {
        await use(handle.url);
      } finally {
        await handle.close();
        iam.closeAllConnections();
        await new Promise((r) => iam.close(r));
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

const cases = [
  { status: 400, code: 'BFF.0020', text: 'The identity service refused the request: check the account (domain) and the project name.' },
  { status: 403, code: 'BFF.0017', text: 'This user may not log in to this project, or the account is restricted' },
  { status: 429, code: 'BFF.0021', text: 'The identity service is limiting logins for this account. Try again in 42 seconds.' },
  { status: 503, code: 'BFF.0022', text: 'The identity service (IAM) failed. Try again later.' },
];

test('IAM refusals at login: each status has its own message and code, and the operator stays on the login page', async ({ browser, refusingConsole }) => {
  const context = await browser.newContext({ baseURL: refusingConsole, locale: 'en-US' });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.getByTestId('login-target')).toHaveAttribute('data-kind', 'cloud');
  for (const c of cases) {
    await login.login({ user: `status-${c.status}`, password: 'any-Passw0rd', domain: 'team-domain', project: 'cn-north-4' });
    await expect(login.error).toContainText(c.text);
    await expect(login.errorCode).toHaveText(c.code);
    await expect(page).toHaveURL(/\/login/);
  }
  await context.close();
});
