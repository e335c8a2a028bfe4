import { ConfigProvider, Modal, message, notification, type ButtonProps } from 'antd';
import { darkAlgorithm, defaultAlgorithm } from './themeToken';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { reducedMotion } from '../app/motion';
import { themeStore } from '../app/prefs';
import { uiLocale } from '../app/uiLocale';
import type { ConfirmOptions, InfoOptions } from './feedback';

/** Static methods render outside the app tree: give them the current theme and locale. */
function configure(): void {
  const dark = themeStore.get() === 'dark';
  const locale = uiLocale(i18next.language === 'zh-CN' ? 'zh-CN' : 'en-US');
  ConfigProvider.config({
    holderRender: (children) => (
      <ConfigProvider
        locale={locale}
        theme={{ algorithm: dark ? darkAlgorithm : defaultAlgorithm, token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !reducedMotion.get() } }}
      >
        {children}
      </ConfigProvider>
    ),
  });
}

export function confirm(o: ConfirmOptions): void {
  configure();
  Modal.confirm({
    title: o.title,
    content: o.content,
    okText: o.okText,
    cancelText: o.cancelText,
    okButtonProps: { danger: o.danger, 'data-testid': 'confirm-ok' } as ButtonProps,
    cancelButtonProps: { 'data-testid': 'confirm-cancel' } as ButtonProps,
    onOk: o.onOk,
  });
}

export function errorDialog(o: InfoOptions): void {
  configure();
  Modal.error({ title: o.title, content: o.content, width: o.width, okButtonProps: { 'data-testid': 'dialog-ok' } as ButtonProps });
}

export function success(text: string): void {
  configure();
  void message.success(text);
}

export function notifyError(key: string | undefined, title: ReactNode, description: ReactNode): void {
  configure();
  notification.error({ key, title, description, duration: 10, placement: 'topRight' });
}
