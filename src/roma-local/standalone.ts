// `npm run roma-local`: roma-local on its own, for curl and the vendor's SDKs.
import { initialPasswordPath } from './iam/account';
import { checkEnvPair } from './iam/access-keys';
import { startRomaLocal } from './server';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a non-negative integer (got "${raw}")`);
    process.exit(2);
  }
  return n;
}

const dataDir = process.env.ROMA_DATA_DIR || '.roma-data';
let accessKey: ReturnType<typeof checkEnvPair>;
try {
  accessKey = checkEnvPair(process.env.ROMA_LOCAL_ACCESS_KEY, process.env.ROMA_LOCAL_SECRET_KEY);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const handle = await startRomaLocal({
  dataDir,
  host: process.env.ROMA_LOCAL_HOST || '127.0.0.1',
  port: envInt('ROMA_LOCAL_PORT', 9080),
  tokenTtlSeconds: envInt('ROMA_LOCAL_TOKEN_TTL', 86400) || 86400,
  user: process.env.ROMA_LOCAL_USER,
  password: process.env.ROMA_LOCAL_PASSWORD,
  domain: process.env.ROMA_LOCAL_DOMAIN,
  project: process.env.ROMA_LOCAL_PROJECT,
  logger: { level: process.env.LOG_LEVEL || 'warn' },
  mqttHost: process.env.ROMA_LOCAL_MQTT_HOST || undefined,
  mqttPort: envInt('ROMA_LOCAL_MQTT_PORT', 1884),
  gatewayPort: envInt('ROMA_LOCAL_GATEWAY_PORT', 9180),
  fdiMaxRuns: envInt('FDI_MAX_RUNS', 2) || 2,
  accessKey,
});

const a = handle.account;
const passwordLine = process.env.ROMA_LOCAL_PASSWORD
  ? '(from ROMA_LOCAL_PASSWORD)'
  : a.passwordGenerated
    ? `${a.password}   (generated now; also kept in ${initialPasswordPath(dataDir)})`
    : `see ${initialPasswordPath(dataDir)}`;
console.log(`roma-local listening on ${handle.url}
  IAM endpoint:  ${handle.url}/v3/auth/tokens
  ROMA endpoint: ${handle.url}/v2/${a.projectId}/...
  data dir:      ${dataDir}
  LINK MQTT:     ${handle.endpoints.mqtt ?? 'off'}   (devices connect here)
  domain: ${a.domain}   user: ${a.user}   project: ${a.project} (${a.projectId})
  password: ${passwordLine}
Vendor SDKs (AK/SK signing, or a token) — point them at:
  endpoint:   ${handle.url}   (ROMA and IAM alike; e.g. RomaClient with_endpoint / WithEndpoint)
  project_id: ${a.projectId}
  access key: ${accessKey ? `${accessKey.accessKey} (from ROMA_LOCAL_ACCESS_KEY; secret in ROMA_LOCAL_SECRET_KEY)` : `none fixed; set ROMA_LOCAL_ACCESS_KEY/ROMA_LOCAL_SECRET_KEY, or create one:
              POST ${handle.url}/v3.0/OS-CREDENTIAL/credentials {"credential":{"user_id":"<token.user.id>"}} with X-Auth-Token`}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    handle.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('roma-local: error while closing', err);
        process.exit(1);
      },
    );
  });
}
