// The IAM token at rest in a shared store: AES-256-GCM with a fresh 96-bit IV per write. The
// store key (the hash of the session id) is bound in as additional data, so a record copied
// under another key does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedToken {
  iv: string;
  tag: string;
  ct: string;
}

export function sealToken(key: Buffer, token: string, boundTo: string): SealedToken {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const ct = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** The token, or undefined when the record was tampered with, moved, or sealed with another key. */
export function openToken(key: Buffer, sealed: SealedToken, boundTo: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
