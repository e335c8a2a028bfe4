// First-start demo data for LINK, once per database (a `meta` flag per demo instance): one MQTT
// product with a thing model (service Thermostat: three properties and a setTarget command) and
// three devices. Never touches what operators created.
import type { Db } from '../db/open';
import type { TokenInfo } from '../iam/tokens';
import { DeviceStore } from './devices';
import { ProductStore } from './products';
import { ThingModelStore } from './thing-model';

export function seedLinkDemo(db: Db, now: () => number): void {
  const instances = db
    .prepare(`SELECT i.id, i.project_id, u.id AS user_id, u.name AS user_name, u.domain_id FROM instances i
      JOIN users u ON u.id = i.user_id WHERE i.name = 'roma-demo'`)
    .all() as { id: string; project_id: string; user_id: string; user_name: string; domain_id: string }[];
  for (const inst of instances) {
    const flag = `seeded-link:${inst.id}`;
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(flag)) continue;
    const app = db.prepare(`SELECT id FROM apps WHERE instance_id = ? ORDER BY create_time LIMIT 1`).get(inst.id) as { id: string } | undefined;
    db.transaction(() => {
      if (app) seedInstance(db, now, inst.id, app.id, {
        userId: inst.user_id, userName: inst.user_name, domainId: inst.domain_id, projectId: inst.project_id, expiresAt: 0,
      });
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(flag, new Date(now()).toISOString());
    })();
  }
}

function seedInstance(db: Db, now: () => number, instanceId: string, appId: string, who: TokenInfo): void {
  const product = new ProductStore(db, now).create(instanceId, who, {
    app_id: appId, name: 'demo-thermostat', manufacturer_id: 'roma-demo', manufacturer_name: 'ROMA Demo Devices',
    model: 'TH-100', product_type: 0, protocol_type: 0, description: 'Demo room thermostat reporting over MQTT',
    device_type: 'Thermostat', version: '1.0',
  });
  const model = new ThingModelStore(db, now);
  const svc = model.createService(instanceId, who, { product_id: product.id, service_name: 'Thermostat', status: 0, description: 'Room climate' });
  model.saveProperty(svc.id, 'property', null, {
    property_name: 'temperature', data_type: 'number', required: 1, min: '-40', max: '125', step: '0.1', unit: '°C', method: 'R',
  });
  model.saveProperty(svc.id, 'property', null, {
    property_name: 'humidity', data_type: 'integer', required: 0, min: '0', max: '100', step: '1', unit: '%', method: 'R',
  });
  model.saveProperty(svc.id, 'property', null, {
    property_name: 'mode', data_type: 'string', required: 0, max_length: 16, enum_list: 'heat,cool,off', method: 'RW',
  });
  const cmd = model.saveCommand(svc.id, { name: 'setTarget', description: 'Set the target temperature' });
  model.saveProperty(svc.id, 'request', cmd.id, {
    property_name: 'target', data_type: 'number', required: 1, min: '5', max: '35', step: '0.5', unit: '°C',
  });
  model.saveProperty(svc.id, 'response', cmd.id, { property_name: 'result', data_type: 'string', required: 0, max_length: 64 });
  const devices = new DeviceStore(db, now);
  for (const [i, room] of ['lobby', 'office', 'lab'].entries()) {
    devices.create(instanceId, who, {
      product: { product_id: product.id }, device_name: `thermostat-${room}`, node_id: `TH100-${String(i + 1).padStart(4, '0')}`,
      app_id: appId, description: `Thermostat in the ${room}`, tags: ['demo', room],
    });
  }
}
