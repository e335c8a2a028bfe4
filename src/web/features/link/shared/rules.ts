// antd form rules built from the contract's limits and patterns, so the form explains each rule
// before the server does. `t` gives the texts.
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

type T = TFunction<'link'>;

export const required = (t: T): Rule => ({ required: true, whitespace: true, message: t('rules.required') });
export const len = (t: T, min: number, max: number): Rule => ({ min, max, message: t('rules.length', { min, max }) });
export const max = (t: T, n: number): Rule => ({ max: n, message: t('rules.max', { max: n }) });
export const pattern = (p: RegExp, message: string): Rule => ({ pattern: p, message });
