// Identifiers and secrets LINK issues. Formats follow the vendor's examples (fdi-link-details §4.1):
// client_id "D" + product id + device id + 5 random chars; device user name 32 upper-case hex;
// product serial 12 alphanumerics. Passwords satisfy the CreateDevice complexity rule.
import { randomBytes } from 'node:crypto';
import { randomString } from '../util';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGITS = '0123456789';

export const productSerial = (): string => randomString(6, LETTERS) + randomString(6, DIGITS);
export const productUserName = (): string => randomString(12);
export const productPassword = (): string => randomString(24);
export const deviceUserName = (): string => randomBytes(16).toString('hex').toUpperCase();
export const clientId = (productId: number, deviceId: number): string => `D${productId}${deviceId}${randomString(5)}`;
/** 16 characters: one of each required class, then random alphanumerics, shuffled. */
export function devicePassword(): string {
  const chars = [randomString(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ'), randomString(1, 'abcdefghijkmnopqrstuvwxyz'),
    randomString(1, DIGITS), randomString(1, '!@#%^*_-=+'), ...randomString(12)];
  const r = randomBytes(chars.length);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = r[i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
