// Operators who ask their system for less motion get none: antd's open/close animations are
// switched off (token `motion: false`), live, as the system setting changes.
const query: MediaQueryList | undefined =
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : undefined;

export const reducedMotion = {
  get: (): boolean => query?.matches ?? false,
  subscribe(l: () => void): () => void {
    query?.addEventListener?.('change', l);
    return () => query?.removeEventListener?.('change', l);
  },
};
