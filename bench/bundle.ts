// What the browser really downloads: drive Chromium through the console and sum the
// JavaScript responses (raw bytes as served and gzip -9 of the same bytes).
import zlib from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

export interface JsTotals { files: number; raw: number; gzip: number; names: string[] }

function totals(bodies: Map<string, Buffer>): JsTotals {
  let raw = 0;
  let gzip = 0;
  for (const b of bodies.values()) {
    raw += b.length;
    gzip += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { files: bodies.size, raw, gzip, names: [...bodies.keys()].map((u) => new URL(u).pathname) };
}

function recordJs(page: Page, into: Map<string, Buffer>): void {
  page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    try {
      into.set(res.url(), await res.body());
    } catch {
      /* navigation raced the body: ignored */
    }
  });
}

export async function measureBundles(opts: {
  baseUrl: string;
  chromiumPath: string;
  login: { user: string; password: string; domain: string; project: string };
  appsPath: string;
}): Promise<{ firstVisit: JsTotals; appsPage: JsTotals }> {
  const browser = await chromium.launch({
    executablePath: opts.chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    // First visit: a fresh browser opening the console (lands on the login page).
    const ctx1 = await browser.newContext();
    const p1 = await ctx1.newPage();
    const first = new Map<string, Buffer>();
    recordJs(p1, first);
    await p1.goto(opts.baseUrl + '/', { waitUntil: 'networkidle' });
    await ctx1.close();

    // Everything needed to reach the apps page: same fresh start, log in (over the BFF API
    // so the form's markup does not matter here), then open the apps page.
    const ctx2 = await browser.newContext();
    const p2 = await ctx2.newPage();
    const apps = new Map<string, Buffer>();
    recordJs(p2, apps);
    await p2.goto(opts.baseUrl + '/', { waitUntil: 'networkidle' });
    const res = await p2.request.post(opts.baseUrl + '/bff/login', {
      headers: { 'X-CSRF': '1', 'content-type': 'application/json' },
      data: { username: opts.login.user, password: opts.login.password, domain: opts.login.domain, project: opts.login.project },
    });
    if (!res.ok()) throw new Error(`bench login failed: ${res.status()} ${await res.text()}`);
    await p2.goto(opts.baseUrl + opts.appsPath, { waitUntil: 'networkidle' });
    await ctx2.close();
    return { firstVisit: totals(first), appsPage: totals(apps) };
  } finally {
    await browser.close();
  }
}
