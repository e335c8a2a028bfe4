// i18next setup. Resources are loaded per language on demand (two small JSON chunks).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, saveLanguage, type Language } from './prefs';
import { loadUiLocale } from './uiLocale';

const loaders: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  'en-US': () => import('../locales/en-US.json'),
  'zh-CN': () => import('../locales/zh-CN.json'),
};

async function ensureResources(lng: Language): Promise<void> {
  if (i18next.hasResourceBundle(lng, 'translation')) return;
  const mod = await loaders[lng]();
  i18next.addResourceBundle(lng, 'translation', mod.default, true, true);
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en-US',
    supportedLngs: ['en-US', 'zh-CN'],
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await Promise.all([ensureResources(lng), loadUiLocale(lng)]);
  document.documentElement.lang = lng;
  return i18next;
}

export async function changeLanguage(lng: Language): Promise<void> {
  await Promise.all([ensureResources(lng), loadUiLocale(lng)]);
  saveLanguage(lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18next.language === 'zh-CN' ? 'zh-CN' : 'en-US';
}
