// HmacKey against node's own createHmac: short, block-sized and long (hashed) keys, UTF-8 keys and
// messages, messages longer than the scratch buffer, and the constant-time comparison.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacKey } from './hmac-key';

const reference = (key: string, message: string): string => createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex');

describe('HmacKey', () => {
  const keys = ['', 'k', 'S3cret', 'x'.repeat(64), 'y'.repeat(65), 'z'.repeat(200), 'clé-秘密-🔑'];
  const messages = ['', 'SDK-HMAC-SHA256\n20260102T030405Z\nabc', 'ü✓ 漢字 🚀', 'm'.repeat(5000), 'n'.repeat(70_000)];

  it('computes what createHmac computes', () => {
    for (const k of keys) {
      const key = new HmacKey(k);
      for (const m of messages) expect(key.hex(m), `${k.length} / ${m.length}`).toBe(reference(k, m));
    }
  });

  it('gives the same answer again after a long message grew the scratch buffer', () => {
    const key = new HmacKey('again');
    const short = key.hex('short');
    key.hex('l'.repeat(100_000));
    expect(key.hex('short')).toBe(short);
  });

  it('matchesHex: true only for the exact lower-case digest', () => {
    const key = new HmacKey('S3cret');
    const mac = reference('S3cret', 'hello');
    expect(key.matchesHex('hello', mac)).toBe(true);
    expect(key.matchesHex('hello!', mac)).toBe(false);
    expect(key.matchesHex('hello', `${mac.slice(0, 63)}${mac[63] === '0' ? '1' : '0'}`)).toBe(false);
    expect(key.matchesHex('hello', mac.slice(0, 62))).toBe(false);
    expect(key.matchesHex('hello', `${mac}00`)).toBe(false);
    expect(key.matchesHex('hello', 'g'.repeat(64))).toBe(false);
    expect(new HmacKey('other').matchesHex('hello', mac)).toBe(false);
  });
});
