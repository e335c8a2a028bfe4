import { describe, expect, it } from 'vitest';
import { openToken, sealToken } from './token-crypto';

describe('token sealing (AES-256-GCM)', () => {
  const key = Buffer.alloc(32, 1);

  it('round-trips, with a fresh IV each time and no plaintext in the sealed form', () => {
    const a = sealToken(key, 'MIIT-secret-token', 'k1');
    const b = sealToken(key, 'MIIT-secret-token', 'k1');
    expect(a.iv).not.toBe(b.iv);
    expect(JSON.stringify(a)).not.toContain('secret');
    expect(openToken(key, a, 'k1')).toBe('MIIT-secret-token');
  });

  it('refuses another key, another store key, or a changed byte', () => {
    const s = sealToken(key, 'tok', 'k1');
    expect(openToken(Buffer.alloc(32, 2), s, 'k1')).toBeUndefined();
    expect(openToken(key, s, 'k2')).toBeUndefined();
    const ct = Buffer.from(s.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(openToken(key, { ...s, ct: ct.toString('base64') }, 'k1')).toBeUndefined();
    expect(openToken(key, { ...s, tag: 'bad' }, 'k1')).toBeUndefined();
  });
});
