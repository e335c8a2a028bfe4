// A lazy chunk could not be loaded (typically: the console was redeployed and the old chunk names
// now 404). Used where there is no route error view to fall back on: plain browser UI, no antd.
import i18next from 'i18next';

/** Tell the operator, in words, that a part of the console is missing, and offer a reload. */
export function offerReload(context?: string): void {
  const text = [context, i18next.t('app.chunkError')].filter(Boolean).join('\n\n');
  if (window.confirm(text)) window.location.reload();
}
