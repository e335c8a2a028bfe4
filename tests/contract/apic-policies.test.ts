// The seed examples of the consumer-policy operations parse with the contract, and the
// plugin_content rules per type refuse what the vendor's plugin pages do not allow.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apicErrorBody, appQuota, appQuotaCreateRequest, liveDataDataSourceList, parsePluginContent, parseResetTime, pluginCreateRequest,
  throttleCreateRequest,
} from '../../src/contract';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'roma-api-examples', 'apic');
const load = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const mine = ['ShowAppBoundAppQuota', 'DetachPluginFromApi', 'ListLiveDataDataSourcesV2'];

describe('seed examples', () => {
  it('ShowAppBoundAppQuota 200 parses as a quota; its reset_time format is understood', () => {
    const q = appQuota.parse(load('ShowAppBoundAppQuota.response.200.json'));
    expect([q.name, q.call_limits, q.time_unit]).toEqual(['ClientQuota_demo', 1000, 'DAY']);
    expect(parseResetTime(q.reset_time!)).toBe(Date.UTC(2020, 8, 20));
  });
  it('ListLiveDataDataSourcesV2 200 parses; no password in it', () => {
    const l = liveDataDataSourceList.parse(load('ListLiveDataDataSourcesV2.response.200.json'));
    expect(l.data_sources[0]).toMatchObject({ name: 'fdi_ds_demo', type: 'mysql', status: 'new' });
    expect(l.data_sources[0]!.password).toBeUndefined();
  });
  it('every error example of these operations parses (and DetachPluginFromApi 404 is APIG.3068)', () => {
    const files = fs.readdirSync(dir).filter((f) => mine.some((m) => f.startsWith(`${m}.response.`)) && !f.endsWith('200.json'));
    expect(files.length).toBe(15);
    for (const f of files) apicErrorBody.parse(load(f));
    expect(apicErrorBody.parse(load('DetachPluginFromApi.response.404.json')).error_code).toBe('APIG.3068');
  });
});

describe('requests', () => {
  it('quota: enums, positive limits, reset_time, name rule', () => {
    const ok = { name: 'quota_a', call_limits: 3, time_unit: 'MINUTE', time_interval: 1 };
    expect(appQuotaCreateRequest.safeParse(ok).success).toBe(true);
    expect(appQuotaCreateRequest.safeParse({ ...ok, reset_time: '2020-09-20 00:00:00' }).success).toBe(true);
    expect(appQuotaCreateRequest.safeParse({ ...ok, reset_time: '2020-02-30 00:00:00' }).success).toBe(false);
    expect(appQuotaCreateRequest.safeParse({ ...ok, time_unit: 'HOURE' }).success).toBe(false);
    expect(appQuotaCreateRequest.safeParse({ ...ok, call_limits: 0 }).success).toBe(false);
    expect(appQuotaCreateRequest.safeParse({ ...ok, name: '1abc' }).success).toBe(false);
    expect(appQuotaCreateRequest.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
  it('throttle: app ≤ user ≤ api and ip ≤ api', () => {
    const ok = { name: 'thr_a', api_call_limits: 10, time_interval: 1, time_unit: 'SECOND' };
    expect(throttleCreateRequest.safeParse({ ...ok, user_call_limits: 5, app_call_limits: 5, ip_call_limits: 10 }).success).toBe(true);
    expect(throttleCreateRequest.safeParse({ ...ok, user_call_limits: 11 }).success).toBe(false);
    expect(throttleCreateRequest.safeParse({ ...ok, user_call_limits: 4, app_call_limits: 5 }).success).toBe(false);
    expect(throttleCreateRequest.safeParse({ ...ok, ip_call_limits: 11 }).success).toBe(false);
  });
  it('plugin_content per type', () => {
    expect(parsePluginContent('cors', '{"allow_origin":"*","max_age":60}').ok).toBe(true);
    expect(parsePluginContent('cors', '{"allow_origin":"*","max_age":"60"}').ok).toBe(false);
    expect(parsePluginContent('cors', 'not json').ok).toBe(false);
    const hdr = (h: unknown[]) => parsePluginContent('set_resp_headers', JSON.stringify({ response_headers: h }));
    expect(hdr([{ name: 'a', value: 'b', action: 'append' }]).ok).toBe(true);
    expect(hdr([{ name: 'a', value: 'b', action: 'replace' }]).ok).toBe(false);
    expect(hdr([{ name: 'X-Request-Id', value: 'b', action: 'override' }]).ok).toBe(false);
    expect(hdr([{ name: 'a', value: '1', action: 'add' }, { name: 'A', value: '2', action: 'add' }]).ok).toBe(false);
    expect(hdr(Array.from({ length: 11 }, (_, i) => ({ name: `h${i}`, value: '', action: 'delete' }))).ok).toBe(false);
    expect(parsePluginContent('rate_limit', '{"api_limit":100,"user_limit":50,"app_limit":50,"ip_limit":20}').ok).toBe(true);
    expect(parsePluginContent('rate_limit', '{"api_limit":10,"ip_limit":20}').ok).toBe(false);
    expect(parsePluginContent('rate_limit', '{"api_limit":10,"specials":[{"type":"app","policies":[{"key":"k","limit":11}]}]}').ok).toBe(false);
    expect(parsePluginContent('kafka_log', '{"broker_list":["10.0.0.1:9092"],"topic":"t"}').ok).toBe(true);
    expect(parsePluginContent('kafka_log', '{"broker_list":[],"topic":"t"}').ok).toBe(false);
    expect(parsePluginContent('breaker', '{"breaker_condition":{"breaker_type":"timeout","time_window":10,"open_breaker_time":15}}').ok).toBe(true);
    expect(parsePluginContent('breaker', '{"breaker_condition":{"breaker_type":"x","time_window":10,"open_breaker_time":15}}').ok).toBe(false);
  });
  it('plugin: scope app needs roma_app_id; bad content is reported on plugin_content', () => {
    const base = { plugin_name: 'cors_one', plugin_type: 'cors', plugin_scope: 'global', plugin_content: '{}' };
    expect(pluginCreateRequest.safeParse(base).success).toBe(true);
    expect(pluginCreateRequest.safeParse({ ...base, plugin_scope: 'app' }).success).toBe(false);
    const bad = pluginCreateRequest.safeParse({ ...base, plugin_content: '[]' });
    expect(bad.success ? [] : bad.error.issues[0]!.path).toEqual(['plugin_content']);
  });
});
