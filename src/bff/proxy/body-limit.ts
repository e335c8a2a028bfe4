// Caps a streamed request body: the upstream never receives more than `max` bytes.
import { Transform, type TransformCallback } from 'node:stream';
import { BffError } from '../errors';

export class BodyLimit extends Transform {
  private seen = 0;
  exceeded = false;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) {
      this.exceeded = true;
      cb(new BffError('BFF.0013'));
      return;
    }
    cb(null, chunk);
  }
}
