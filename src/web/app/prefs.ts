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
function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* storage unavailable */
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

/** The operator's choice: follow the system (default) or a fixed theme, which wins once picked. */
export type ThemePref = 'system' | ThemeMode;

const darkQuery = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
const systemMode = (): ThemeMode => (darkQuery()?.matches ? 'dark' : 'light');

function readPref(): ThemePref {
  const saved = read(THEME_KEY);
  return saved === 'dark' || saved === 'light' ? saved : 'system';
}

let pref: ThemePref = readPref();
let theme: ThemeMode = pref === 'system' ? systemMode() : pref;

function apply(): void {
  const next = pref === 'system' ? systemMode() : pref;
  theme = next;
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = next;
  for (const l of themeListeners) l();
}

// Live: a system switch (e.g. at sunset) re-themes the console while it follows the system.
darkQuery()?.addEventListener('change', () => {
  if (pref === 'system') apply();
});

export const themeStore = {
  /** The theme in effect. */
  get: (): ThemeMode => theme,
  /** What the operator chose. */
  pref: (): ThemePref => pref,
  /** Pick a fixed theme (persisted). */
  set(next: ThemeMode): void {
    themeStore.setPref(next);
  },
  setPref(next: ThemePref): void {
    pref = next;
    if (next === 'system') remove(THEME_KEY);
    else write(THEME_KEY, next);
    apply();
  },
  subscribe(l: Listener): () => void {
    themeListeners.add(l);
    return () => themeListeners.delete(l);
  },
};
