// APIC consumer side of apps (contract/apic-apps.ts): the vendor's CreateAppCodeAutoV2 examples are
// accepted as they are (errors with the APIC error shape); request schemas refuse what the reference forbids.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiAuthCreateRequest, apicAppListQuery, apicErrorBody, apisUnboundToAppQuery, apisBoundToAppQuery, appCode, appCodeCreateRequest,
  appCodeStrict, appConfigCreateRequest,
} from '../../src/contract';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'roma-api-examples', 'apic');
const load = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));

describe('CreateAppCodeAutoV2 examples', () => {
  it('201 parses with the lenient and the strict AppCode schema (nanosecond ISO time)', () => {
    const body = load('CreateAppCodeAutoV2.response.201.json');
    expect(appCode.parse(body)).toMatchObject({ app_id: '9ed8b7fe84224de681e7d7a5587e76dc', id: 'b3d34f746d0847fb95138670e10207ed' });
    expect(appCodeStrict.parse(body).create_time).toBe('2020-07-24T02:31:45.790909295Z');
  });

  it('the generated code of the example would be accepted as a value to create (64 chars, starts with a letter)', () => {
    const { app_code } = appCode.parse(load('CreateAppCodeAutoV2.response.201.json'));
    expect(appCodeCreateRequest.safeParse({ app_code }).success).toBe(true);
  });

  it.each(['400', '401', '403', '404', '500'])('%s has the APIC error shape', (status) => {
    const e = apicErrorBody.parse(load(`CreateAppCodeAutoV2.response.${status}.json`));
    expect(e.error_code).toMatch(/^APIG\.\d{4}$/);
  });

  it('404 is the app-not-found code roma-local answers (APIG.3004)', () => {
    expect(apicErrorBody.parse(load('CreateAppCodeAutoV2.response.404.json')).error_code).toBe('APIG.3004');
  });
});

describe('requests', () => {
  it('AppCode values: 64-180 chars, start with a letter, + or /, only the allowed characters', () => {
    const ok = (v: string) => appCodeCreateRequest.safeParse({ app_code: v }).success;
    expect(ok(`+${'a'.repeat(63)}`)).toBe(true);
    expect(ok(`/${'Z'.repeat(179)}`)).toBe(true);
    expect(ok('a'.repeat(63))).toBe(false);
    expect(ok('a'.repeat(181))).toBe(false);
    expect(ok(`1${'a'.repeat(63)}`)).toBe(false);
    expect(ok(`a${' '.repeat(63)}`)).toBe(false);
    expect(appCodeCreateRequest.safeParse({ app_code: `a${'b'.repeat(63)}`, id: 'x' }).success).toBe(false);
  });

  it('app configs: known types, names start with a letter, no < > in descriptions', () => {
    const base = { config_type: 'variable', config_name: 'region', config_value: 'x' };
    expect(appConfigCreateRequest.safeParse(base).success).toBe(true);
    expect(appConfigCreateRequest.safeParse({ ...base, config_type: 'secret' }).success).toBe(false);
    expect(appConfigCreateRequest.safeParse({ ...base, config_name: '_region' }).success).toBe(false);
    expect(appConfigCreateRequest.safeParse({ ...base, description: '<b>' }).success).toBe(false);
    expect(appConfigCreateRequest.safeParse({ ...base, config_value: '' }).success).toBe(false);
  });

  it('authorisations: env, apps and APIs required; white/black lists only with the GREEN tunnel', () => {
    const base = { env_id: 'e', app_ids: ['a'], api_ids: ['p'] };
    expect(apiAuthCreateRequest.safeParse(base).success).toBe(true);
    expect(apiAuthCreateRequest.safeParse({ ...base, app_ids: [] }).success).toBe(false);
    expect(apiAuthCreateRequest.safeParse({ app_ids: ['a'], api_ids: ['p'] }).success).toBe(false);
    expect(apiAuthCreateRequest.safeParse({ ...base, auth_tunnel: 'BLUE' }).success).toBe(false);
    expect(apiAuthCreateRequest.safeParse({ ...base, auth_whitelist: ['1.1.1.1'] }).success).toBe(false);
    expect(apiAuthCreateRequest.safeParse({ ...base, auth_tunnel: 'GREEN', auth_whitelist: ['1.1.1.1'] }).success).toBe(true);
    expect(apiAuthCreateRequest.safeParse({ ...base, visit_params: [{ api_id: 'p', visit_param: 'v' }] }).success).toBe(true);
    expect(apiAuthCreateRequest.safeParse({ ...base, visit_params: [{ api_id: 'p' }] }).success).toBe(false);
  });

  it('listing queries: app_id (and env_id for unbound APIs) required; paging coerced', () => {
    expect(apisBoundToAppQuery.safeParse({}).success).toBe(false);
    expect(apisUnboundToAppQuery.safeParse({ app_id: 'a' }).success).toBe(false);
    expect(apisUnboundToAppQuery.parse({ app_id: 'a', env_id: 'e', offset: '-3', limit: '10' })).toMatchObject({ offset: 0, limit: 10 });
    expect(apicAppListQuery.safeParse({ limit: '501' }).success).toBe(false);
  });
});
