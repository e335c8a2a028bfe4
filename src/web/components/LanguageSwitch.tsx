// The language menu (shell header and login card). Items keep the testids lang-en-US / lang-zh-CN.
import { Button, Dropdown, type ButtonProps } from 'antd';
import TranslationOutlined from '@ant-design/icons/es/icons/TranslationOutlined';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../app/i18n';
import { LANGUAGES } from '../app/prefs';
import { offerReload } from './reloadPrompt';

export function LanguageSwitch({ testId, size }: { testId: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGUAGES.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span> })),
        // the other language's texts are a lazy chunk: if it cannot be loaded, say so
        onClick: ({ key }) => void changeLanguage(key === 'zh-CN' ? 'zh-CN' : 'en-US').catch(() => offerReload()),
      }}
    >
      <Button type="text" size={size} icon={<TranslationOutlined />} data-testid={testId} data-lang={lang} aria-label={t('header.language')}>
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
