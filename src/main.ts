// What `npm start` runs: read the configuration, start roma-local unless a real upstream is
// configured, start the BFF in front of it. The only place where roma-local and the BFF meet.
import path from 'node:path';
import { loadBffConfig, type BffConfig } from './bff/config';
import { buildBff } from './bff/app';
import { checkEnvPair } from './roma-local/iam/access-keys';
import { startRomaLocal, type RomaLocalAccount } from './roma-local/server';

export interface ConsoleOptions {
  env?: NodeJS.ProcessEnv;
  /** BFF port; 0 = ephemeral. Default: env PORT or 8080. */
  port?: number;
  host?: string;
  /** roma-local data folder. Default: env ROMA_DATA_DIR or .roma-data */
  dataDir?: string;
  /** Built SPA to serve; undefined = dist/ when present. null = none. */
  staticDir?: string | null;
  /** roma-local token lifetime (tests shorten it). */
  tokenTtlSeconds?: number;
  bff?: Partial<BffConfig>;
  /** false = quiet; true or pino options (e.g. { level: "debug" }) = logs. */
  logger?: boolean | { level: string };
}

export interface ConsoleHandle {
  url: string;
  embedded: boolean;
  romaLocalUrl?: string;
  /** The endpoints the BFF talks to (roma-local's or the cloud's). */
  upstream: { roma: string; iam: string };
  account?: RomaLocalAccount;
  /** roma-local's other listeners (mqtt, gateway); empty against the real cloud. */
  endpoints: Record<string, string>;
  close(): Promise<void>;
}

export async function startConsole(opts: ConsoleOptions = {}): Promise<ConsoleHandle> {
  const env = opts.env ?? process.env;
  const romaEndpoint = env.ROMA_ENDPOINT?.trim();
  const iamEndpoint = env.IAM_ENDPOINT?.trim();
  // ROMA_REGION alone names both cloud endpoints; ROMA_ENDPOINT / IAM_ENDPOINT override either.
  const region = env.ROMA_REGION?.trim();
  if (!region && Boolean(romaEndpoint) !== Boolean(iamEndpoint)) {
    throw new Error('Set ROMA_REGION, or both ROMA_ENDPOINT and IAM_ENDPOINT, to use the real cloud; or none for the embedded roma-local.');
  }
  const cloud = Boolean(region || romaEndpoint);
  const dataDir = path.resolve(opts.dataDir ?? env.ROMA_DATA_DIR ?? '.roma-data');

  let romaLocal: Awaited<ReturnType<typeof startRomaLocal>> | undefined;
  if (!cloud) {
    romaLocal = await startRomaLocal({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      tokenTtlSeconds: opts.tokenTtlSeconds ?? parseTtl(env.ROMA_LOCAL_TOKEN_TTL),
      user: env.ROMA_LOCAL_USER || undefined,
      password: env.ROMA_LOCAL_PASSWORD || undefined,
      domain: env.ROMA_LOCAL_DOMAIN || undefined,
      project: env.ROMA_LOCAL_PROJECT || undefined,
      logger: opts.logger ?? false,
      mqttHost: env.ROMA_LOCAL_MQTT_HOST || undefined,
      mqttPort: parseCount(env.ROMA_LOCAL_MQTT_PORT, 'ROMA_LOCAL_MQTT_PORT'),
      gatewayPort: parseCount(env.ROMA_LOCAL_GATEWAY_PORT, 'ROMA_LOCAL_GATEWAY_PORT'),
      fdiMaxRuns: parseCount(env.FDI_MAX_RUNS, 'FDI_MAX_RUNS'),
      accessKey: checkEnvPair(env.ROMA_LOCAL_ACCESS_KEY, env.ROMA_LOCAL_SECRET_KEY),
    });
  }

  const staticDir =
    opts.staticDir === null ? undefined : (opts.staticDir ?? path.resolve(import.meta.dirname, '..', 'dist'));
  let config: BffConfig;
  try {
    config = loadBffConfig(
      romaLocal ? { ...env, ROMA_ENDPOINT: romaLocal.url, IAM_ENDPOINT: romaLocal.url, ROMA_REGION: '' } : env,
      {
        staticDir,
        // The audit trail of a one-node console lives beside roma-local's data.
        auditDir: env.AUDIT_DIR?.trim() || dataDir,
        embedded: Boolean(romaLocal),
        ...(opts.logger === undefined ? {} : { logger: opts.logger }),
        ...opts.bff,
      },
    );
  } catch (err) {
    await romaLocal?.close();
    throw err;
  }
  const bff = await buildBff(config);
  const port = opts.port ?? (env.PORT ? Number(env.PORT) : 8080);
  const host = opts.host ?? env.HOST ?? '127.0.0.1';
  try {
    await bff.listen({ port, host });
  } catch (err) {
    await bff.close();
    await romaLocal?.close();
    throw err;
  }
  const address = bff.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${boundPort}`,
    embedded: Boolean(romaLocal),
    romaLocalUrl: romaLocal?.url,
    upstream: { roma: config.romaEndpoint, iam: config.iamEndpoint },
    account: romaLocal?.account,
    endpoints: romaLocal?.endpoints ?? {},
    async close() {
      await bff.close();
      await romaLocal?.close();
    },
  };
}

function parseTtl(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) throw new Error(`ROMA_LOCAL_TOKEN_TTL must be a positive number of seconds, got "${raw}"`);
  return Number(raw);
}

/** A port or a count from the environment: unset means the default, anything but 0..65535 is an error. */
function parseCount(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 65535) throw new Error(`${name} must be a whole number from 0 to 65535, got "${raw}"`);
  return Number(raw);
}
