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

const LOGIN_READY = 'input[type="password"]';

/**
 * On a busy machine "network idle" (500 ms without requests) can come while the page is still
 * parsing a chunk: wait for the page's own content (`ready`), for no skeleton (aria-busy) to be
 * left, then a moment for trailing lazy chunks and the network to settle again.
 */
async function settled(p: Page, ready: string): Promise<void> {
  await p.waitForSelector(ready, { timeout: 60_000 });
  await p.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 60_000 });
  await p.waitForTimeout(1000);
  await p.waitForLoadState('networkidle');
}

export async function measureBundles(opts: {
  baseUrl: string;
  chromiumPath: string;
  login: { user: string; password: string; domain: string; project: string };
  /** Pages to reach after logging in, each from a fresh browser context. */
  pages: { name: string; path: string; ready: string }[];
}): Promise<{ firstVisit: JsTotals; pages: Map<string, JsTotals> }> {
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
    await settled(p1, LOGIN_READY);
    await ctx1.close();

    // Everything needed to reach each page: a fresh start on the login page, log in (over the
    // BFF API so the form's markup does not matter here), then open the page.
    const pages = new Map<string, JsTotals>();
    for (const page of opts.pages) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      const seen = new Map<string, Buffer>();
      recordJs(p, seen);
      await p.goto(opts.baseUrl + '/', { waitUntil: 'networkidle' });
      await settled(p, LOGIN_READY);
      const res = await p.request.post(opts.baseUrl + '/bff/login', {
        headers: { 'X-CSRF': '1', 'content-type': 'application/json' },
        data: { username: opts.login.user, password: opts.login.password, domain: opts.login.domain, project: opts.login.project },
      });
      if (!res.ok()) throw new Error(`bench login failed: ${res.status()} ${await res.text()}`);
      await p.goto(opts.baseUrl + page.path, { waitUntil: 'networkidle' });
      await settled(p, page.ready);
      await ctx.close();
      pages.set(page.name, totals(seen));
    }
    return { firstVisit: totals(first), pages };
  } finally {
    await browser.close();
  }
}
