// Operator preferences kept in localStorage: language and theme. Tiny store for useSyncExternalStore.
export const LANGUAGES = ['en-US', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export type ThemeMode = 'light' | 'dark';

const LANG_KEY = 'roma.lang';
const THEME_KEY = 'roma.theme';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: keep it in memory only */
  }
}

/** Persisted choice, else the browser's language (zh* → zh-CN, anything else → en-US). */
export function initialLanguage(nav: { language?: string; languages?: readonly string[] } = globalThis.navigator ?? {}): Language {
  const saved = read(LANG_KEY);
  if (saved === 'en-US' || saved === 'zh-CN') return saved;
  const first = nav.languages?.[0] ?? nav.language ?? 'en-US';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function saveLanguage(lng: Language): void {
  write(LANG_KEY, lng);
}

type Listener = () => void;
const themeListeners = new Set<Listener>();
let theme: ThemeMode = read(THEME_KEY) === 'dark' ? 'dark' : 'light';

export const themeStore = {
  get: (): ThemeMode => theme,
  set(next: ThemeMode): void {
    theme = next;
    write(THEME_KEY, next);
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = next;
    for (const l of themeListeners) l();
  },
  subscribe(l: Listener): () => void {
    themeListeners.add(l);
    return () => themeListeners.delete(l);
  },
};
