import { describe, expect, it } from 'vitest';
import { parsePluginContent } from '../../../contract/apic-plugins';
import { fromForm, toForm } from './pluginContent';

describe('plugin form ⇄ plugin_content', () => {
  it('kafka_log: brokers as a comma list; hidden settings survive an edit', () => {
    const stored = JSON.stringify({ broker_list: ['a:1'], topic: 't', sasl_config: { security_protocol: 'SASL_SSL' } });
    expect(toForm('kafka_log', stored).broker_list).toBe('a:1');
    const out = fromForm('kafka_log', { broker_list: 'a:1, b:2', topic: 'u' }, stored);
    expect(JSON.parse(out)).toEqual({ broker_list: ['a:1', 'b:2'], topic: 'u', sasl_config: { security_protocol: 'SASL_SSL' } });
    expect(parsePluginContent('kafka_log', out).ok).toBe(true);
  });
  it('breaker: the condition fields are the form; rate_limit specials are kept', () => {
    const out = fromForm('breaker', { breaker_type: 'timeout', time_window: 10, open_breaker_time: 20 });
    expect(parsePluginContent('breaker', out).ok).toBe(true);
    const rl = JSON.stringify({ api_limit: 10, specials: [{ type: 'app', policies: [{ key: 'k', limit: 5 }] }] });
    expect(JSON.parse(fromForm('rate_limit', { ...toForm('rate_limit', rl), api_limit: 20 }, rl)).specials).toHaveLength(1);
  });
  it('set_resp_headers: rows become response_headers and validate', () => {
    const out = fromForm('set_resp_headers', { response_headers: [{ name: 'x-a', value: '1', action: 'add' }] });
    expect(parsePluginContent('set_resp_headers', out).ok).toBe(true);
  });
});
