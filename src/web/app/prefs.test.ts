// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { initialLanguage, saveLanguage, themeStore } from './prefs';

describe('preferences', () => {
  beforeEach(() => localStorage.clear());
  it('language defaults from the browser', () => {
    expect(initialLanguage({ languages: ['zh-TW', 'en'] })).toBe('zh-CN');
    expect(initialLanguage({ language: 'zh-CN' })).toBe('zh-CN');
    expect(initialLanguage({ languages: ['de-DE'] })).toBe('en-US');
    expect(initialLanguage({})).toBe('en-US');
  });
  it('a saved language wins; garbage is ignored', () => {
    saveLanguage('zh-CN');
    expect(initialLanguage({ languages: ['en-US'] })).toBe('zh-CN');
    localStorage.setItem('roma.lang', 'xx');
    expect(initialLanguage({ languages: ['en-US'] })).toBe('en-US');
  });
  it('theme is persisted and mirrored on <html>', () => {
    let calls = 0;
    const off = themeStore.subscribe(() => calls++);
    themeStore.set('dark');
    expect(themeStore.get()).toBe('dark');
    expect(localStorage.getItem('roma.theme')).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    themeStore.set('light');
    off();
    expect(calls).toBe(2);
  });
});
