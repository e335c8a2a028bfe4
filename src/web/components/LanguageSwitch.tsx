// The language menu (shell header and login card). Items keep the testids lang-en-US / lang-zh-CN.
// Hand-made instead of antd Dropdown: it is on the login page, and Dropdown + Menu cost ~24 KB gzip
// there. A menu button (WAI-ARIA pattern): Enter/Space/click opens, arrows move, Escape closes.
import { Button, type ButtonProps } from 'antd';
import TranslationOutlined from '@ant-design/icons/es/icons/TranslationOutlined';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../app/i18n';
import { LANGUAGES, type Language } from '../app/prefs';
import { offerReload } from './reloadPrompt';
import { useToken } from './themeToken';

export function LanguageSwitch({ testId, size }: { testId: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const { token } = useToken();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const first = root.current?.querySelector<HTMLButtonElement>('[aria-current="true"]');
    first?.focus();
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const pick = (l: Language) => {
    setOpen(false);
    trigger.current?.focus();
    // the other language's texts are a lazy chunk: if it cannot be loaded, say so
    void changeLanguage(l).catch(() => offerReload());
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') trigger.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <span ref={root} style={{ position: 'relative', display: 'inline-block' }}>
      <Button
        ref={trigger}
        type="text"
        size={size}
        icon={<TranslationOutlined />}
        data-testid={testId}
        data-lang={lang}
        aria-label={t('header.language')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t(`lang.${lang}`)}
      </Button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={t('header.language')}
          onKeyDown={onMenuKey}
          style={{
            position: 'absolute',
            right: 0,
            top: '100%',
            marginTop: 4,
            zIndex: token.zIndexPopupBase + 50,
            minWidth: 140,
            padding: 4,
            background: token.colorBgElevated,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowSecondary,
          }}
        >
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              role="menuitem"
              aria-current={l === lang ? true : undefined}
              data-testid={`lang-${l}`}
              onClick={() => pick(l)}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'left',
                border: 0,
                cursor: 'pointer',
                padding: `${token.paddingXXS + 1}px ${token.paddingSM}px`,
                borderRadius: token.borderRadiusSM,
                font: 'inherit',
                fontSize: token.fontSize,
                color: l === lang ? token.colorPrimary : token.colorText,
                background: l === lang ? token.controlItemBgActive : 'transparent',
              }}
            >
              {t(`lang.${l}`)}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
