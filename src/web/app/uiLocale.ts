// antd and dayjs locales, loaded on demand (only the one in use) and switched together with i18next.
// Imported by the bootstrap, so everything here is a dynamic import. The login page shows no
// dates, so dayjs is loaded only once the shell asks for it (loadDateLocale); from then on every
// language change loads its dayjs locale too.
import type { Locale } from 'antd/es/locale';
import type { Language } from './prefs';

const cache = new Map<Language, Locale>();
let datesInUse = false;
let dateTarget: Language | undefined;

export async function loadUiLocale(lng: Language): Promise<Locale> {
  const [locale] = await Promise.all([antdLocale(lng), datesInUse ? loadDateLocale(lng) : undefined]);
  return locale;
}

async function antdLocale(lng: Language): Promise<Locale> {
  const hit = cache.get(lng);
  if (hit) return hit;
  const locale =
    lng === 'zh-CN'
      ? (await import('antd/es/locale/zh_CN')).default
      : (await import('antd/es/locale/en_US')).default;
  cache.set(lng, locale);
  return locale;
}

/** Loads dayjs with `lng`'s locale and makes it current; a later call (language switch) wins. */
export async function loadDateLocale(lng: Language): Promise<void> {
  datesInUse = true;
  dateTarget = lng;
  const [dayjs] = await Promise.all([
    import('dayjs').then((m) => m.default),
    lng === 'zh-CN' ? import('dayjs/locale/zh-cn') : undefined,
  ]);
  if (dateTarget === lng) dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
}

/** The loaded locale (loadUiLocale runs before the language becomes current). */
export function uiLocale(lng: Language): Locale | undefined {
  return cache.get(lng);
}
