// The login page's sentence for each way a login can fail (the BFF gives each its own code; see
// src/bff/errors.ts). Unknown codes fall back to the server's own message.
import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/errors';
import { apiErrorText } from '../../components/apiErrorText';

export function loginErrorText(err: ApiError, t: TFunction): string {
  const wait = (withTime: string, without: string) =>
    err.retryAfter ? t(withTime as never, { seconds: err.retryAfter }) : t(without as never);
  switch (err.code) {
    case 'BFF.0004':
      return t('auth.badCredentials');
    case 'BFF.0005':
      return wait('auth.tooMany', 'auth.tooManyNoTime');
    case 'BFF.0003':
      return t('auth.badForm');
    case 'BFF.0020':
      return t('auth.iamRefused');
    case 'BFF.0017':
      return t('auth.forbidden');
    case 'BFF.0021':
      return wait('auth.iamLimited', 'auth.iamLimitedNoTime');
    case 'BFF.0022':
      return t('auth.iamFailed');
    case 'BFF.0008':
    case 'BFF.0009':
    case 'BFF.0016':
      return t('auth.iamUnreachable');
    case 'BFF.0018':
      return t('auth.sessionStore');
  }
  if (err.status === 401) return t('auth.badCredentials');
  if (err.status === 429) return wait('auth.tooMany', 'auth.tooManyNoTime');
  return apiErrorText(err, t).text;
}
