// `npm run seed:devices -- --count 100000 [--data-dir .roma-data] [--product scale-sensor]`:
// fills the demo instance with many devices for scale work, by direct SQLite batch inserts
// (one transaction per 10 000 rows). Devices get real credentials, so the simulator and the
// bench can connect them. Half never connected, half offline; creation times over 30 days.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, type Db } from '../src/roma-local/db/open';
import { clientId, devicePassword, deviceUserName, productPassword, productSerial, productUserName } from '../src/roma-local/link/credentials';

export interface SeedResult { instanceId: string; productId: number; productName: string; inserted: number; ms: number }

export function seedDevices(db: Db, count: number, productName = 'scale-sensor'): SeedResult {
  const t0 = performance.now();
  const inst = db.prepare(`SELECT i.id, i.user_id, u.name AS user_name FROM instances i JOIN users u ON u.id = i.user_id
    WHERE i.name = 'roma-demo' ORDER BY i.create_time LIMIT 1`).get() as { id: string; user_id: string; user_name: string } | undefined;
  if (!inst) throw new Error('no demo instance (roma-demo) in this database: start roma-local once first');
  const app = db.prepare('SELECT id FROM apps WHERE instance_id = ? ORDER BY create_time LIMIT 1').get(inst.id) as { id: string } | undefined;
  if (!app) throw new Error('the demo instance has no integration app');
  const now = Date.now();
  let product = db.prepare('SELECT id FROM link_products WHERE instance_id = ? AND name = ?').get(inst.id, productName) as { id: number } | undefined;
  if (!product) {
    const r = db.prepare(`INSERT INTO link_products (instance_id, app_id, product_serial, name, manufacturer_id, manufacturer_name,
        model, product_type, protocol_type, description, device_type, version, data_format, auth_user_name, auth_password,
        created_user_id, created_user_name, updated_user_id, updated_user_name, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'scale', 'Scale test', ?, 0, 0, 'Devices made by seed:devices', 'Sensor', '1.0', 0, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(inst.id, app.id, productSerial(), productName, `${productName}-model`, productUserName(), productPassword(),
        inst.user_id, inst.user_name, inst.user_id, inst.user_name, now, now);
    product = { id: Number(r.lastInsertRowid) };
    const s = db.prepare(`INSERT INTO link_services (product_id, name, description, status, created_user_id, created_user_name,
        updated_user_id, updated_user_name, created_at, updated_at) VALUES (?, 'Sensor', 'Scale test readings', 0, ?, ?, ?, ?, ?, ?)`)
      .run(product.id, inst.user_id, inst.user_name, inst.user_id, inst.user_name, now, now);
    db.prepare(`INSERT INTO link_properties (service_id, kind, name, description, data_type, required, min, max, step, unit)
      VALUES (?, 'property', 'value', 'A reading', 'number', 1, '0', '100', '0.1', 'u')`).run(Number(s.lastInsertRowid));
  }
  const seq = (db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'link_devices'), 0) AS seq`).get() as { seq: number }).seq;
  const run = Date.now().toString(36);
  const insert = db.prepare(`INSERT INTO link_devices (id, instance_id, product_id, app_id, device_name, node_id, node_type, client_id,
      user_name, password, status, online_status, description, tags, created_user_id, created_user_name, updated_user_id,
      updated_user_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, '', ?, ?, ?, ?, ?, ?, ?)`);
  const MONTH = 30 * 24 * 3600 * 1000;
  for (let start = 0; start < count; start += 10_000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + 10_000); i++) {
        const id = seq + i + 1;
        const created = now - MONTH + Math.floor((i / count) * MONTH); // ascending with the id
        insert.run(id, inst.id, product!.id, app.id, `sim-${run}-${String(i).padStart(6, '0')}`, `sim${run}${i}`, clientId(product!.id, id),
          deviceUserName(), devicePassword(), i % 2 === 0 ? 0 : 2, JSON.stringify([i % 10 === 0 ? 'tenth' : 'scale']),
          inst.user_id, inst.user_name, inst.user_id, inst.user_name, created, created);
      }
    })();
  }
  db.exec('ANALYZE');
  return { instanceId: inst.id, productId: product.id, productName, inserted: count, ms: performance.now() - t0 };
}

if (path.resolve(process.argv[1] ?? '') === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' }, product: { type: 'string', default: 'scale-sensor' } },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
    console.error('--count must be an integer between 1 and 2000000');
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? process.env.ROMA_DATA_DIR ?? '.roma-data';
  const db = openDb(dataDir);
  db.pragma('synchronous = OFF'); // a bulk fill: speed over durability for this one run
  try {
    const r = seedDevices(db, count, values.product);
    console.log(`inserted ${r.inserted} devices into product '${r.productName}' (id ${r.productId}) of instance ${r.instanceId} in ${(r.ms / 1000).toFixed(1)} s`);
  } finally {
    db.close();
  }
}
