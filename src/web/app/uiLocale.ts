// antd and dayjs locales, loaded on demand (only the one in use) and switched together with i18next.
// Imported by the bootstrap, so everything here is a dynamic import.
import type { Locale } from 'antd/es/locale';
import type { Language } from './prefs';

const cache = new Map<Language, Locale>();

export async function loadUiLocale(lng: Language): Promise<Locale> {
  const hit = cache.get(lng);
  if (hit) return hit;
  const [dayjs, locale] =
    lng === 'zh-CN'
      ? await Promise.all([
          import('dayjs').then(async (m) => {
            await import('dayjs/locale/zh-cn');
            return m.default;
          }),
          import('antd/es/locale/zh_CN').then((m) => m.default),
        ])
      : await Promise.all([import('dayjs').then((m) => m.default), import('antd/es/locale/en_US').then((m) => m.default)]);
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  cache.set(lng, locale);
  return locale;
}

/** The loaded locale (loadUiLocale runs before the language becomes current). */
export function uiLocale(lng: Language): Locale | undefined {
  return cache.get(lng);
}
