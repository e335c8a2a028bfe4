// Bytes that arrive over several reads (a request or response head, a request body), kept in one
// buffer that grows by doubling: appending a read costs its own size, not the size of all that
// came before, and a held read is a copy, never a view that keeps the read's memory alive. Nothing
// is allocated ahead of the bytes (a client declaring a 12 MiB body and sending one byte gets a
// small buffer, not a 12 MiB one).

export class GrowingBuffer {
  private buf: Buffer | undefined;
  /** Bytes held. */
  length = 0;

  /** Appends `buf[from, to)`; `cap`: never grow past this many bytes (the size expected in all). */
  append(buf: Buffer, from = 0, to = buf.length, cap = Infinity): void {
    const need = this.length + to - from;
    if (!this.buf || this.buf.length < need) {
      const grown = Buffer.allocUnsafe(Math.max(need, Math.min(cap, Math.max(2 * (this.buf?.length ?? 0), 1024))));
      if (this.buf) this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    buf.copy(this.buf, this.length, from, to);
    this.length = need;
  }

  /** The bytes held, as a view (valid until the next append or clear). */
  view(): Buffer {
    return this.buf ? this.buf.subarray(0, this.length) : Buffer.alloc(0);
  }

  /** The bytes held, handed over: the buffer is not reused afterwards. */
  take(): Buffer {
    const out = this.view();
    this.buf = undefined;
    this.length = 0;
    return out;
  }

  /** Forgets the bytes; a large buffer is not kept for the connection's life. */
  clear(): void {
    this.length = 0;
    if (this.buf && this.buf.length > 16 * 1024) this.buf = undefined;
  }
}

/** The offset of the first LF not preceded by CR in `data` from `from`, or -1. */
export function bareLf(data: Buffer, from: number): number {
  for (let i = data.indexOf(10, from); i >= 0; i = data.indexOf(10, i + 1)) {
    if (i === 0 || data[i - 1] !== 13) return i;
  }
  return -1;
}
