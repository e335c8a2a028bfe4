// Each way a login can fail gets its own sentence (BFF codes of src/bff/errors.ts), in both languages.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en-US.json';
import zh from '../../locales/zh-CN.json';
import { ApiError } from '../../api/errors';
import { loginErrorText } from './loginError';

const err = (status: number, code: string, retryAfter?: number) => new ApiError({ status, code, message: `server says ${code}`, retryAfter });

beforeAll(async () => {
  await i18next.init({ lng: 'en-US', resources: { 'en-US': { translation: en }, 'zh-CN': { translation: zh } }, interpolation: { escapeValue: false } });
});

describe('loginErrorText', () => {
  const cases: [ApiError, string][] = [
    [err(401, 'BFF.0004'), en.auth.badCredentials],
    [err(400, 'BFF.0003'), en.auth.badForm],
    [err(400, 'BFF.0020'), en.auth.iamRefused],
    [err(403, 'BFF.0017'), en.auth.forbidden],
    [err(429, 'BFF.0021', 30), 'The identity service is limiting logins for this account. Try again in 30 seconds.'],
    [err(429, 'BFF.0021'), en.auth.iamLimitedNoTime],
    [err(429, 'BFF.0005', 12), 'Too many login attempts. Try again in 12 seconds.'],
    [err(502, 'BFF.0022'), en.auth.iamFailed],
    [err(502, 'BFF.0008'), en.auth.iamUnreachable],
    [err(504, 'BFF.0009'), en.auth.iamUnreachable],
    [err(503, 'BFF.0018'), en.auth.sessionStore],
    [err(500, 'BFF.0000'), 'server says BFF.0000'],
  ];
  it.each(cases)('%s', (e, text) => {
    expect(loginErrorText(e, i18next.t)).toBe(text);
  });

  it('every BFF login code has a distinct sentence, in Chinese too', async () => {
    const codes: [number, string][] = [[401, 'BFF.0004'], [400, 'BFF.0003'], [400, 'BFF.0020'], [403, 'BFF.0017'], [429, 'BFF.0021'], [502, 'BFF.0022'], [502, 'BFF.0008'], [503, 'BFF.0018']];
    await i18next.changeLanguage('zh-CN');
    const zhTexts = codes.map(([s, c]) => loginErrorText(err(s, c), i18next.t));
    expect(new Set(zhTexts).size).toBe(codes.length);
    expect(zhTexts[3]).toBe(zh.auth.forbidden);
    await i18next.changeLanguage('en-US');
  });
});
