// The head of a request or response that arrives over several reads, kept in one buffer that grows by
// doubling: appending a read costs its own size, not the size of all that came before (a client
// sending a byte at a time would otherwise cost the square of the head's size).

export class PartialHead {
  private buf: Buffer | undefined;
  /** Bytes held. */
  length = 0;
  /** Bytes already checked for a bare LF. */
  private scanned = 0;

  /** Appends `buf` from `pos`; the bytes held so far. */
  append(buf: Buffer, pos: number): Buffer {
    const need = this.length + buf.length - pos;
    if (!this.buf || this.buf.length < need) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * (this.buf?.length ?? 0), 1024));
      if (this.buf) this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    buf.copy(this.buf, this.length, pos);
    this.length = need;
    return this.buf.subarray(0, need);
  }

  /** The offset of the first LF not preceded by CR in what was appended since the last call, or -1. */
  bareLf(): number {
    const data = this.buf!.subarray(0, this.length);
    for (let i = data.indexOf(10, this.scanned); i >= 0; i = data.indexOf(10, i + 1)) {
      if (i === 0 || data[i - 1] !== 13) return i;
    }
    this.scanned = this.length;
    return -1;
  }

  /** Forgets the head (complete or refused); a large buffer is not kept for the connection's life. */
  clear(): void {
    this.length = 0;
    this.scanned = 0;
    if (this.buf && this.buf.length > 16 * 1024) this.buf = undefined;
  }
}
