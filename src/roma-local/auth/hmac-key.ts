// HMAC-SHA256 (RFC 2104) with the key's two padded blocks made once per secret, computed with
// two one-shot `crypto.hash` calls. The gateway verifies one signature per APP-auth call:
// createHmac built and finalised a native Hmac object per call, which cost more than the hashing.
import { hash } from 'node:crypto';

const BLOCK = 64;
/** Inner message scratch (ipad ‖ message); grown when a message is longer. Calls are synchronous. */
let scratch = Buffer.alloc(BLOCK + 1024);
/** Outer message scratch (opad ‖ inner digest). */
const outer = Buffer.alloc(BLOCK + 32);

/** A secret ready for HMAC-SHA256: its UTF-8 bytes (hashed first when longer than a block), padded. */
export class HmacKey {
  private readonly ipad = Buffer.alloc(BLOCK, 0x36);
  private readonly opad = Buffer.alloc(BLOCK, 0x5c);

  constructor(secret: string) {
    let k: Buffer = Buffer.from(secret, 'utf8');
    if (k.length > BLOCK) k = hash('sha256', k, 'buffer') as unknown as Buffer;
    for (let i = 0; i < k.length; i++) {
      this.ipad[i]! ^= k[i]!;
      this.opad[i]! ^= k[i]!;
    }
  }

  /** HMAC-SHA256 of `message` (UTF-8), as 64 lower-case hex digits. The inner digest comes back
   * as a latin1 string, not a Buffer: a Buffer result cost more than the hashing of a short message. */
  hex(message: string): string {
    const max = BLOCK + Buffer.byteLength(message, 'utf8');
    if (scratch.length < max) scratch = Buffer.alloc(Math.max(max, scratch.length * 2));
    this.ipad.copy(scratch, 0);
    const n = scratch.write(message, BLOCK, 'utf8');
    outer.write(hash('sha256', scratch.subarray(0, BLOCK + n), 'binary'), BLOCK, 'binary'); // 'binary' is latin1
    this.opad.copy(outer, 0);
    return hash('sha256', outer, 'hex');
  }

  /**
   * True when the HMAC of `message` is `hex` (64 hex digits, lower-case): every digit is compared,
   * whatever differs first, so the time taken does not tell how much of a forgery was right.
   */
  matchesHex(message: string, hex: string): boolean {
    if (hex.length !== 64) return false;
    const mac = this.hex(message);
    let diff = 0;
    for (let i = 0; i < 64; i++) diff |= mac.charCodeAt(i) ^ hex.charCodeAt(i);
    return diff === 0;
  }
}
