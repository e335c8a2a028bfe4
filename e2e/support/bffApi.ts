// Set-up through the console's own API (the BFF), as a script would: the project and APIC base
// paths of the logged-in session, and a POST that fails the test with the answer's body.
import { expect, type Page } from '@playwright/test';

export async function bffApi(page: Page, instanceId: string) {
  const session = await (await page.request.get('/bff/session', { headers: { 'X-CSRF': '1' } })).json();
  const project = `/api/v2/${session.project_id}`;
  const apic = `${project}/apic/instances/${instanceId}`;
  const post = async (p: string, data: unknown) => {
    const r = await page.request.post(p, { headers: { 'X-CSRF': '1' }, data });
    expect(r.status(), `${p}: ${await r.text()}`).toBeLessThan(300);
    return r.json();
  };
  return { project, apic, post };
}
