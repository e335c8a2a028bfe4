import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en-US.json';
import zh from './zh-CN.json';
import shellEn from './shell.en-US.json';
import shellZh from './shell.zh-CN.json';

const featureDir = path.join(import.meta.dirname, 'features');
const readJson = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(featureDir, f), 'utf8'));
/** Every feature namespace (features/<ns>.<lng>.json) with both languages. */
const namespaces = [...new Set(fs.readdirSync(featureDir).map((f) => f.split('.')[0]!))].sort();

function flatten(o: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (v && typeof v === 'object') Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each([
  { ns: 'translation', en: en as unknown, zh: zh as unknown },
  { ns: 'translation (shell part)', en: shellEn as unknown, zh: shellZh as unknown },
  ...namespaces.map((ns) => ({ ns, en: readJson(`${ns}.en-US.json`), zh: readJson(`${ns}.zh-CN.json`) })),
])('locales: $ns', ({ en, zh }) => {
  const fen = flatten(en);
  const fzh = flatten(zh);
  it('en-US and zh-CN have the same key set', () => {
    expect(Object.keys(fzh).sort()).toEqual(Object.keys(fen).sort());
  });
  it('no empty translations', () => {
    for (const [k, v] of [...Object.entries(fen), ...Object.entries(fzh)]) expect(v.trim(), k).not.toBe('');
  });
  it('same interpolation placeholders in both languages', () => {
    for (const k of Object.keys(fen)) expect(placeholders(fzh[k] ?? ''), k).toEqual(placeholders(fen[k]!));
  });
});

describe('core texts split at the login', () => {
  it('the shell part (added to "translation" after login) shares no top-level key with the core file', () => {
    for (const k of Object.keys(shellEn)) expect(Object.keys(en), k).not.toContain(k);
  });
});

describe('feature namespaces', () => {
  it('each has exactly an en-US and a zh-CN file', () => {
    for (const ns of namespaces) {
      expect(fs.readdirSync(featureDir).filter((f) => f.startsWith(`${ns}.`)).sort(), ns).toEqual([`${ns}.en-US.json`, `${ns}.zh-CN.json`]);
    }
  });
});

describe('typed keys', () => {
  it('t() only accepts keys of en-US.json (checked by tsc)', async () => {
    const { default: i18next } = await import('i18next');
    const known = () => i18next.t('apps.create');
    // @ts-expect-error — an unknown key is a type error
    const unknown = () => i18next.t('missing.key');
    expect(typeof known).toBe('function');
    expect(typeof unknown).toBe('function');
  });
});
