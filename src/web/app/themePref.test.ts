// @vitest-environment jsdom
// The theme follows prefers-color-scheme (live) until the operator picks one; "system" brings it back.
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A controllable prefers-color-scheme, installed before prefs.ts is loaded. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>();
  const mql = {
    get matches() { return dark; },
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  window.matchMedia = vi.fn(() => mql as unknown as MediaQueryList);
  return { flip(next: boolean) { dark = next; for (const l of listeners) l(); } };
}

const load = async () => (await import('./prefs')).themeStore;

describe('theme preference', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.resetModules();
  });

  it('follows the system, live, while nothing is chosen', async () => {
    const sys = fakeSystem(true);
    const store = await load();
    expect(store.pref()).toBe('system');
    expect(store.get()).toBe('dark');
    let calls = 0;
    store.subscribe(() => calls++);
    sys.flip(false);
    expect(store.get()).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(calls).toBe(1);
  });

  it('a chosen theme wins over the system and persists; "system" removes the choice', async () => {
    const sys = fakeSystem(false);
    const store = await load();
    store.setPref('dark');
    expect(localStorage.getItem('roma.theme')).toBe('dark');
    sys.flip(false);
    expect(store.get()).toBe('dark');
    store.setPref('system');
    expect(localStorage.getItem('roma.theme')).toBeNull();
    expect(store.get()).toBe('light');
    sys.flip(true);
    expect(store.get()).toBe('dark');
  });

  it('a stored choice is read at start', async () => {
    fakeSystem(true);
    localStorage.setItem('roma.theme', 'light');
    const store = await load();
    expect(store.pref()).toBe('light');
    expect(store.get()).toBe('light');
  });
});
