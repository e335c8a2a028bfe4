// Detailed monitor status codes (fdi.md §3) → their text key in the fdi namespace and the UI
// group (error / cancelled / queued / skipped / normal) that picks the colour.
import { MONITOR_CODES, monitorCodeGroup } from '../../../../contract/fdi';
import type texts from '../../../locales/features/fdi.en-US.json';

export type CodeTextKey = `codes.${keyof typeof texts.codes}`;

export const KNOWN_CODES = Object.keys(MONITOR_CODES).map(Number);

export type CodeGroup = ReturnType<typeof monitorCodeGroup>;
export { monitorCodeGroup };

/** The i18n key of a code's explanation; unknown codes share one text that shows the number. */
export const codeTextKey = (code: number): CodeTextKey => (code in MONITOR_CODES ? (`codes.c${code}` as CodeTextKey) : 'codes.unknown');

/** Which side a code belongs to: reader 100-499, writer 500-899, platform 900+ (and 16/99). */
export function codeSide(code: number): 'reader' | 'writer' | 'platform' {
  if (code >= 100 && code < 500) return 'reader';
  if (code >= 500 && code < 900) return 'writer';
  return 'platform';
}

export const GROUP_TONE: Record<CodeGroup, 'error' | 'default' | 'processing' | 'warning' | 'success'> = {
  error: 'error',
  cancelled: 'default',
  queued: 'processing',
  skipped: 'warning',
  normal: 'success',
};
