// Reads the error code of a failed answer while it streams to the browser: only the first
// few KB are looked at, the body is never buffered whole or changed.
import { Transform, type TransformCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream';

const LOOK = 4096;
// error_code (ROMA, APIC, LINK, FDI, BFF) or code (IAM-style), a short string value.
const CODE = /"(?:error_code|errorCode|code)"\s*:\s*"([^"\\]{1,64})"/;

export function errorCodeIn(text: string): string | null {
  return CODE.exec(text)?.[1] ?? null;
}

export class HeadTap extends Transform {
  private head = '';
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.head.length < LOOK) this.head += chunk.subarray(0, LOOK - this.head.length).toString('latin1');
    cb(null, chunk);
  }
  get code(): string | null {
    return errorCodeIn(this.head);
  }
}

/** Puts a tap in the stream; upstream errors still destroy what the browser reads. */
export function tapStream(source: Readable): HeadTap {
  const tap = new HeadTap();
  pipeline(source, tap, () => undefined);
  return tap;
}
