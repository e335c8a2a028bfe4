// `npm run bff`: the BFF alone (no roma-local), for deployments with several replicas behind one
// address: ROMA_REGION or ROMA_ENDPOINT + IAM_ENDPOINT name the upstream, REDIS_URL (+
// SESSION_ENCRYPTION_KEY) shares sessions, AUDIT_DATABASE_URL shares the audit trail.
// Serves dist/ when it is built (run `npm run build` first). Logs at LOG_LEVEL, default info.
import fs from 'node:fs';
import path from 'node:path';
import { buildBff } from '../src/bff/app';
import { loadBffConfig } from '../src/bff/config';
import { closeOnSignal, runMain } from './process';

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const env = process.env;
  const dist = path.join(root, 'dist');
  const config = loadBffConfig(env, {
    staticDir: fs.existsSync(path.join(dist, 'index.html')) ? dist : undefined,
    auditDir: env.AUDIT_DIR?.trim() || path.resolve(env.ROMA_DATA_DIR?.trim() || '.roma-data'),
    logger: { level: env.LOG_LEVEL?.trim() || 'info' },
  });
  const app = await buildBff(config);
  const port = env.PORT ? Number(env.PORT) : 8080;
  const host = env.HOST?.trim() || '127.0.0.1';
  await app.listen({ port, host });
  const addr = app.server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`BFF listening on http://${shown}:${bound}`);
  console.log(`Upstream: ${config.romaEndpoint} (IAM ${config.iamEndpoint})`);
  console.log(`Sessions: ${config.redisUrl ? 'Redis' : 'memory (this process only)'}; audit: ${config.auditDatabaseUrl ? 'PostgreSQL' : `SQLite in ${config.auditDir}`}`);
  if (!config.staticDir) console.log('dist/ is not built: API only (run `npm run build` to serve the console)');
  closeOnSignal(() => app.close());
}

runMain(main);
