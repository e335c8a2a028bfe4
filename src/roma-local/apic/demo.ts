// First-start demo, once per instance and database: a group answering on demo.apic.localhost
// with a mock API published to RELEASE, so `curl -H 'Host: demo.apic.localhost' <gateway>/demo/hello`
// works right after `npm start`.
import { DEFAULT_ENV_ID } from '../../contract/index';
import type { Db } from '../db/open';
import type { ApicStores } from './stores';

export const DEMO_DOMAIN = 'demo.apic.localhost';
export const DEMO_PATH = '/demo/hello';

export function seedApicDemo(db: Db, s: ApicStores): void {
  const instances = db.prepare('SELECT id FROM instances ORDER BY create_time, id').all() as { id: string }[];
  for (const { id } of instances) {
    const flag = `seeded-apic:${id}`;
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(flag)) continue;
    db.transaction(() => {
      const group = s.groups.create(id, { name: 'demo-group', remark: 'Demo API group of roma-local' });
      if (!db.prepare('SELECT 1 FROM apic_groups WHERE sl_domain = ?').get(DEMO_DOMAIN)) {
        db.prepare('UPDATE apic_groups SET sl_domain = ? WHERE id = ?').run(DEMO_DOMAIN, group.id);
      }
      const api = s.apis.create(id, {
        name: 'demo-hello', type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: DEMO_PATH, auth_type: 'NONE',
        backend_type: 'MOCK', group_id: group.id, remark: 'Answers a fixed JSON body (mock backend)',
        mock_info: { status_code: 200, result_content: JSON.stringify({ message: 'Hello from the roma-local API gateway' }) },
        req_params: [{ name: 'name', type: 'STRING', location: 'QUERY', required: 2, max_size: 64 }],
      });
      s.publish.publish(id, api.id, DEFAULT_ENV_ID, 'demo');
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(flag, new Date().toISOString());
    })();
  }
  s.state.bump();
}
