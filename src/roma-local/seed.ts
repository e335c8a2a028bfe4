// First-start demo data, guarded by flags in `meta` so it runs once per domain / project and
// never overwrites what operators created since.
import { AppStore } from './apps/store';
import type { Db } from './db/open';
import { DictionaryStore } from './dictionaries/store';
import type { Account } from './iam/account';
import type { TokenInfo } from './iam/tokens';
import { hex32, uuid } from './util';

const COLLEAGUES = ['alice', 'bob', 'carol']; // local IAM users without a login, for app members

const DICTIONARIES: { code: string; name: string; remark: string; children: [string, string][] }[] = [
  { code: 'GENDER', name: 'Gender', remark: 'Gender codes', children: [['MALE', 'Male'], ['FEMALE', 'Female'], ['UNKNOWN', 'Unknown gender']] },
  {
    code: 'REGION', name: 'Region', remark: 'Cloud regions',
    children: [['CN_NORTH_4', 'Beijing 4'], ['CN_EAST_3', 'Shanghai 1'], ['CN_SOUTH_1', 'Guangzhou'], ['AP_SOUTHEAST_1', 'Hong Kong']],
  },
  {
    code: 'DATA_SOURCE_TYPE', name: 'Data source type', remark: 'Data source kinds used by FDI',
    children: [['MYSQL', 'MySQL'], ['POSTGRESQL', 'PostgreSQL'], ['KAFKA', 'Kafka'], ['API', 'API']],
  },
];

function once(db: Db, flag: string, fn: () => void): boolean {
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(flag)) return false;
  fn();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(flag, new Date().toISOString());
  return true;
}

export function seed(db: Db, account: Account, now: () => number): void {
  db.transaction(() => {
    once(db, `seeded-users:${account.domainId}`, () => {
      const insert = db.prepare(
        'INSERT OR IGNORE INTO users (id, name, domain_id, password_hash, create_time) VALUES (?, ?, ?, NULL, ?)',
      );
      for (const name of COLLEAGUES) insert.run(hex32(), name, account.domainId, now());
    });

    once(db, `seeded-project:${account.projectId}`, () => {
      const instanceId = uuid();
      const created = now() - 7 * 24 * 3600 * 1000; // a week-old instance looks plausible
      db.prepare(
        `INSERT INTO instances (id, project_id, name, description, spec, flavor_id, flavor_type, cpu_arch, instance_status,
           vpc_id, subnet_id, security_group_id, charge_type, maintain_begin, maintain_end, available_zone_ids,
           enterprise_project_id, ingress_ip, user_id, bandwidth_size, instance_version, supported_features,
           create_time, update_time)
         VALUES (?, ?, 'roma-demo', 'Demo instance of roma-local', 'ROMA_PROFESSIONAL', ?, 'professional', 'x86_64', 6,
           ?, ?, ?, 'postPaid', '22:00:00', '02:00:00', ?, '0', '192.168.0.10', ?, 5, '19.1.0', ?, ?, ?)`,
      ).run(
        instanceId, account.projectId, uuid(), uuid(), uuid(), uuid(),
        JSON.stringify([`${account.project}a`, `${account.project}b`]), account.userId,
        JSON.stringify(['app_api_key', 'app_basic', 'cors', 'ratelimit']), created, created,
      );

      const admin: TokenInfo = {
        userId: account.userId, userName: account.user, domainId: account.domainId, projectId: account.projectId, expiresAt: 0,
      };
      new AppStore(db, now).create(instanceId, admin, { name: 'demo-app', remark: 'Demo integration application' });

      const dicts = new DictionaryStore(db, now);
      DICTIONARIES.forEach((d, i) => {
        dicts.create(instanceId, { code: d.code, name: d.name, remark: d.remark, order: i + 1 }, 'system');
        d.children.forEach(([code, name], j) =>
          dicts.create(instanceId, { code, name, parent_code: d.code, order: j + 1 }, 'system'));
      });
    });
  })();
}
