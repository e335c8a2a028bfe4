// @vitest-environment jsdom
// What the login page leaves for later: the shell texts and the dayjs locale load when the shell
// does, and from then on every language change brings them along.
import dayjs from 'dayjs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, initI18n, loadShellTexts } from './i18n';
import { loadDateLocale } from './uiLocale';

beforeAll(async () => {
  localStorage.setItem('roma.lang', 'en-US');
  await initI18n();
});

describe('texts and dates deferred past the login page', () => {
  it('before the shell: login texts only, dayjs untouched by a language change', async () => {
    expect(i18next.t('auth.submit')).toBe('Log in');
    expect(i18next.exists('apps.create')).toBe(false);
    await changeLanguage('zh-CN');
    expect(dayjs.locale()).toBe('en');
    expect(i18next.exists('apps.create')).toBe(false);
    await changeLanguage('en-US');
  });

  it('with the shell: shell texts and the dayjs locale follow the language', async () => {
    await Promise.all([loadShellTexts(), loadDateLocale('en-US')]);
    expect(i18next.t('apps.create')).not.toBe('apps.create');
    const enText = i18next.t('apps.create');
    await changeLanguage('zh-CN');
    expect(i18next.language).toBe('zh-CN');
    expect(i18next.t('apps.create')).not.toBe('apps.create');
    expect(i18next.t('apps.create')).not.toBe(enText);
    expect(dayjs.locale()).toBe('zh-cn');
    await changeLanguage('en-US');
    expect(dayjs.locale()).toBe('en');
  });

  it('of two date-locale loads in flight, the later one wins', async () => {
    await Promise.all([loadDateLocale('zh-CN'), loadDateLocale('en-US')]);
    expect(dayjs.locale()).toBe('en');
  });
});
