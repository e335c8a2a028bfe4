// Confirmations, result dialogs and toasts. antd's Modal/notification/message are loaded on first
// use (not on the list pages' critical path); they follow the current theme and locale.
import type { ReactNode } from 'react';

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
const load = (): Promise<Impl> => (impl ??= import('./feedbackImpl'));

export const feedback = {
  confirm: (o: ConfirmOptions): void => void load().then((m) => m.confirm(o)),
  error: (o: InfoOptions): void => void load().then((m) => m.errorDialog(o)),
  success: (text: string): void => void load().then((m) => m.success(text)),
  notifyError: (key: string | undefined, title: ReactNode, description: ReactNode): void =>
    void load().then((m) => m.notifyError(key, title, description)),
  /** Warm the chunk up (e.g. on hover of a destructive action). */
  preload: (): void => void load(),
};
