// Small shared helpers: ids, secrets, time formats.
import { randomBytes, randomUUID } from 'node:crypto';

/** 32 lowercase hex characters (project ids, user ids, request ids, as the cloud uses). */
export const hex32 = (): string => randomBytes(16).toString('hex');
export const uuid = (): string => randomUUID();

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** Random string over an unambiguous alphabet (rejection sampling keeps it unbiased). */
export function randomString(length: number, alphabet = ALNUM): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** `YYYY-MM-DDTHH:mm:ssZ`, the format of the official app/dictionary examples. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** ISO UTC with milliseconds, as IAM answers. */
export const isoMillis = (ms: number): string => new Date(ms).toISOString();

/** Case-insensitive "contains" for fuzzy filters (works for any script). */
export const fuzzy = (value: string, needle: string): boolean =>
  value.toLocaleLowerCase('en-US').includes(needle.toLocaleLowerCase('en-US'));
