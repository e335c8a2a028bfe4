// Typed translation keys: t('missing.key') is a type error. One namespace per feature area.
import 'i18next';
import type enUS from '../locales/en-US.json';
import type shellEnUS from '../locales/shell.en-US.json';
import type apic from '../locales/features/apic.en-US.json';
import type audit from '../locales/features/audit.en-US.json';
import type consumers from '../locales/features/consumers.en-US.json';
import type fdi from '../locales/features/fdi.en-US.json';
import type link from '../locales/features/link.en-US.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enUS & typeof shellEnUS; link: typeof link; fdi: typeof fdi; apic: typeof apic; audit: typeof audit; consumers: typeof consumers };
  }
}
