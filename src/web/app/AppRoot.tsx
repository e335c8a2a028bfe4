// The antd root (lazy): ConfigProvider with locale + theme algorithm, antd App context (the dayjs
// locale comes with the shell, see SessionGate).
import { ConfigProvider } from 'antd';
import { Suspense, useMemo, useSyncExternalStore } from 'react';
import { BootSplash } from './BootSplash';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { reducedMotion } from './motion';
import { themeStore } from './prefs';
import { uiLocale } from './uiLocale';
import { darkAlgorithm, defaultAlgorithm, useToken } from '../components/themeToken';

export default function AppRoot() {
  const { i18n } = useTranslation();
  const mode = useSyncExternalStore(themeStore.subscribe, themeStore.get);
  const still = useSyncExternalStore(reducedMotion.subscribe, reducedMotion.get);
  const zh = i18n.language === 'zh-CN';
  // the antd (and, once loaded, dayjs) locale switches together with i18next (loaded before the language changes)
  const locale = uiLocale(zh ? 'zh-CN' : 'en-US');
  const themeConfig = useMemo(
    () => ({
      algorithm: mode === 'dark' ? darkAlgorithm : defaultAlgorithm,
      token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !still },
    }),
    [mode, still],
  );
  return (
    <ConfigProvider locale={locale} theme={themeConfig}>
      <Surface>
        <Suspense fallback={<BootSplash />}>
          <Outlet />
        </Suspense>
      </Surface>
    </ConfigProvider>
  );
}

/** Base text colour and font from the theme for everything that is not an antd component. */
function Surface({ children }: { children: React.ReactNode }) {
  const { token } = useToken();
  return (
    <div style={{ height: '100%', color: token.colorText, fontFamily: token.fontFamily, fontSize: token.fontSize, background: token.colorBgLayout }}>
      {children}
    </div>
  );
}
