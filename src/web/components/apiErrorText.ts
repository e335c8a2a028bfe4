import type { TFunction } from 'i18next';
import { ApiError, CLIENT_CODES, toApiError } from '../api/errors';

/** The operator-facing sentence for an error: the server's message, or ours for client-side failures. */
export function apiErrorText(err: unknown, t: TFunction): { error: ApiError; text: string } {
  const error = toApiError(err);
  let text = error.message;
  if (error.code === CLIENT_CODES.network) text = t('error.network');
  else if (error.code === CLIENT_CODES.timeout) text = t('error.timeout');
  else if (error.code === CLIENT_CODES.badResponse) text = `${t('error.badResponse')} ${error.message}`;
  return { error, text };
}
