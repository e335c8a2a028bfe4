// i18next setup. The core texts ("translation", src/web/locales/<lng>.json) load at start; each
// feature area has its own namespace (src/web/locales/features/<ns>.<lng>.json) that loads only
// when a page calls useTranslation('<ns>'), so the login page never downloads device or FDI texts.
// The core texts only pages behind the login use (navigation, instances, apps, dictionaries) are
// in src/web/locales/shell.<lng>.json, added to "translation" when the shell loads (loadShellTexts).
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, saveLanguage, type Language } from './prefs';
import { loadUiLocale } from './uiLocale';

type Bundle = { default: Record<string, unknown> };

const core: Record<Language, () => Promise<Bundle>> = {
  'en-US': () => import('../locales/en-US.json'),
  'zh-CN': () => import('../locales/zh-CN.json'),
};
const features = import.meta.glob<Bundle>('../locales/features/*.json');
const shell: Record<Language, () => Promise<Bundle>> = {
  'en-US': () => import('../locales/shell.en-US.json'),
  'zh-CN': () => import('../locales/shell.zh-CN.json'),
};
let shellInUse = false;
/** Languages whose shell texts are in (or on their way into) the "translation" namespace. */
const shellAdded = new Map<Language, Promise<void>>();

function addShellTexts(lng: Language): Promise<void> {
  let added = shellAdded.get(lng);
  if (!added) {
    // the core bundle is queued first: i18next skips loading a namespace that already has texts
    added = Promise.all([i18next.loadLanguages(lng), shell[lng]()]).then(([, mod]) => {
      i18next.addResourceBundle(lng, 'translation', mod.default); // keys disjoint from the core file's
    });
    added.catch(() => shellAdded.delete(lng)); // a chunk that failed to load is tried again next time
    shellAdded.set(lng, added);
  }
  return added;
}

/** Adds the shell's texts for the current language; from then on a language change loads them too. */
export function loadShellTexts(): Promise<void> {
  shellInUse = true;
  return addShellTexts(currentLanguage());
}

/** Loads a namespace of a language: the core bundle or one feature file. */
const lazyBundles: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, done) {
    const load = ns === 'translation' ? core[lng as Language] : features[`../locales/features/${ns}.${lng}.json`];
    if (!load) return done(new Error(`no texts for ${ns} in ${lng}`), false);
    load().then(
      (mod) => done(null, mod.default),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await Promise.all([
    i18next.use(lazyBundles).use(initReactI18next).init({
      lng,
      // only the current language's bundles are fetched; the locale tests keep both key sets equal
      fallbackLng: false,
      supportedLngs: ['en-US', 'zh-CN'],
      load: 'currentOnly',
      preload: false,
      ns: ['translation'],
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
      returnNull: false,
    }),
    loadUiLocale(lng),
  ]);
  document.documentElement.lang = lng;
  return i18next;
}

export async function changeLanguage(lng: Language): Promise<void> {
  // the new language's namespaces (core and every feature already in use) load before it switches
  await Promise.all([i18next.loadLanguages(lng), loadUiLocale(lng), shellInUse ? addShellTexts(lng) : undefined]);
  saveLanguage(lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18next.language === 'zh-CN' ? 'zh-CN' : 'en-US';
}
