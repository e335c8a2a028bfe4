// LINK bench, CONNACK → online in the open console page: Chromium shows the devices list of the
// bench product; a device of its first page connects (the `mqtt` package, from this process) and
// we time until its row shows online (the page polls the visible rows every 2 s while visible),
// then disconnect it and wait for the row to leave "online" before the next device. Each device
// connects after a random 0–2 s pause: right after the page saw the last one go offline is right
// after a poll, which would always measure the worst case of the 2 s cycle.
import { chromium } from '@playwright/test';
import type { SimDevice } from '../scripts/devices-simulate';
import { connectDevice } from '../scripts/devices-simulate';

const ROW_STATE = ([name, want]: [string, string]): boolean => {
  for (const a of document.querySelectorAll('[data-testid="devices-table"] [data-testid="device-name-link"]')) {
    if (a.textContent?.trim() !== name) continue;
    const state = a.closest('tr')?.querySelector('[data-testid="device-status"]')?.getAttribute('data-status');
    return want === 'online' ? state === 'online' : state !== undefined && state !== null && state !== 'online';
  }
  return false;
};

export async function consoleOnlineLatency(o: {
  bff: string; chromiumPath: string; login: { username: string; password: string; domain: string; project: string };
  instanceId: string; productId: number; address: string; devices: SimDevice[];
}): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: o.chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const times: number[] = [];
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${o.bff}/`, { waitUntil: 'networkidle' });
    const res = await page.request.post(`${o.bff}/bff/login`, { headers: { 'X-CSRF': '1', 'content-type': 'application/json' }, data: o.login });
    if (!res.ok()) throw new Error(`bench login failed: ${res.status()} ${await res.text()}`);
    await page.goto(`${o.bff}/i/${encodeURIComponent(o.instanceId)}/devices?product=${o.productId}`);
    await page.getByTestId('devices-table').waitFor({ timeout: 60_000 });
    for (const d of o.devices) {
      const shown = await page.waitForFunction(ROW_STATE, [d.device_name, 'offline'] as [string, string], { timeout: 15_000, polling: 100 })
        .then(() => true, () => false);
      if (!shown) continue; // not on the first page: skipped
      await new Promise((r) => setTimeout(r, Math.random() * 2000));
      const { client, connackAt } = await connectDevice(o.address, d);
      await page.waitForFunction(ROW_STATE, [d.device_name, 'online'] as [string, string], { timeout: 15_000, polling: 20 });
      times.push(performance.now() - connackAt);
      client.end(true);
      await page.waitForFunction(ROW_STATE, [d.device_name, 'offline'] as [string, string], { timeout: 15_000, polling: 100 });
    }
  } finally {
    await browser.close();
  }
  return times;
}
