// A tiny event channel: the HTTP layer reports "not logged in" here and the app decides what to do.
// No axios import, so the bootstrap can subscribe without pulling the HTTP stack into the entry.
type Listener = () => void;
const listeners = new Set<Listener>();

export function onUnauthorized(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function emitUnauthorized(): void {
  for (const fn of listeners) fn();
}
