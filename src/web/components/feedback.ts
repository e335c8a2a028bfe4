// Confirmations, result dialogs and toasts. antd's Modal/notification/message are loaded on first
// use (not on the list pages' critical path); they follow the current theme and locale.
// If that chunk cannot be loaded (e.g. it 404s after a redeploy), the operator is told so and
// offered a reload: a Delete or Reset secret never silently does nothing, and the next use retries.
import type { ReactNode } from 'react';
import { offerReload } from './reloadPrompt';

export interface ConfirmOptions {
  title: ReactNode;
  content?: ReactNode;
  okText: string;
  cancelText: string;
  danger?: boolean;
  /** Resolve to close; errors must be handled inside (the dialog closes either way). */
  onOk: () => Promise<void> | void;
}

export interface InfoOptions {
  title: ReactNode;
  content?: ReactNode;
  width?: number;
}

type Impl = typeof import('./feedbackImpl');
let impl: Promise<Impl> | undefined;

function load(): Promise<Impl> {
  impl ??= import('./feedbackImpl').catch((err: unknown) => {
    impl = undefined; // do not cache the failure: the next use tries again
    throw err;
  });
  return impl;
}

/** Run `use` with the loaded implementation; if it cannot be loaded, say so (with `context`, if it is text). */
function run(use: (m: Impl) => void, context?: ReactNode): void {
  load().then(use, (err: unknown) => {
    console.error('feedback chunk failed to load', err);
    offerReload(typeof context === 'string' ? context : undefined);
  });
}

export const feedback = {
  // the confirmed action is not run without its dialog: the operator reloads and tries again
  confirm: (o: ConfirmOptions): void => run((m) => m.confirm(o), o.title),
  error: (o: InfoOptions): void => run((m) => m.errorDialog(o), o.title),
  success: (text: string): void => run((m) => m.success(text), text),
  notifyError: (key: string | undefined, title: ReactNode, description: ReactNode): void =>
    run((m) => m.notifyError(key, title, description), title),
  /** Warm the chunk up (e.g. on hover of a destructive action); a failure shows up at first real use. */
  preload: (): void => void load().catch(() => undefined),
};
