// Chunked transfer-coding decoder shared by the backend client's response parser and the
// front server's request parser: chunk sizes (extensions read and dropped), data, the CRLF
// after each chunk, and trailers (bounded, read and dropped). Malformed framing throws.
import { CTL, ProtocolError, TOKEN, loneCrLf } from './http1-syntax';

export interface ChunkSink { onBody(chunk: Buffer): void }

const enum C { Size, Data, Crlf, Trailers, Done }
const CHUNK_SIZE = /^([0-9a-fA-F]{1,12})[ \t]*(?:;[^]*)?$/;
const MAX_CHUNK_LINE = 4096;

export class ChunkedDecoder {
  private state = C.Size;
  private remaining = 0;
  private line = '';
  private trailerBytes = 0;

  constructor(private readonly maxTrailers: number) {}

  reset(): void {
    this.state = C.Size;
    this.line = '';
  }

  /** No more input is wanted (the sink gave up mid-body): the rest of the buffer is left alone. */
  halt(): void {
    this.state = C.Done;
  }

  get done(): boolean {
    return this.state === C.Done;
  }

  /** Decodes from `pos`; returns where it stopped (the end of `buf`, or just after the last chunk's trailers). */
  execute(buf: Buffer, pos: number, sink: ChunkSink): number {
    while (pos < buf.length) {
      switch (this.state) {
        case C.Size: pos = this.readSize(buf, pos); break;
        case C.Data: {
          const n = Math.min(this.remaining, buf.length - pos);
          this.remaining -= n;
          sink.onBody(buf.subarray(pos, pos + n));
          pos += n;
          if (this.remaining === 0 && this.state === C.Data) { this.state = C.Crlf; this.remaining = 2; }
          break;
        }
        case C.Crlf:
          if (buf[pos] !== (this.remaining === 2 ? 13 : 10)) throw new ProtocolError('missing CRLF after a chunk', 'HPE_INVALID_CHUNK_SIZE');
          pos++;
          if (--this.remaining === 0) this.state = C.Size;
          break;
        case C.Trailers: pos = this.readTrailer(buf, pos); break;
        default:
          return pos;
      }
    }
    return pos;
  }

  /** Reads up to a LF into `this.line` (bounded); returns the position after it, or -1 when it is not complete yet. */
  private takeLine(buf: Buffer, pos: number, max: number): number {
    const lf = buf.indexOf(10, pos);
    const endAt = lf < 0 ? buf.length : lf + 1;
    this.line += buf.toString('latin1', pos, endAt);
    if (this.line.length > max) throw new ProtocolError('a chunk line is too long', 'HPE_CHUNK_EXTENSIONS_OVERFLOW');
    return lf < 0 ? -1 : endAt;
  }

  private lineText(): string {
    const l = this.line;
    this.line = '';
    if (!l.endsWith('\r\n') || CTL.test(l) || loneCrLf(l.slice(0, -2))) throw new ProtocolError('invalid chunk framing', 'HPE_INVALID_CHUNK_SIZE');
    return l.slice(0, -2);
  }

  private readSize(buf: Buffer, pos: number): number {
    const next = this.takeLine(buf, pos, MAX_CHUNK_LINE);
    if (next < 0) return buf.length;
    const m = CHUNK_SIZE.exec(this.lineText());
    if (!m) throw new ProtocolError('invalid chunk size', 'HPE_INVALID_CHUNK_SIZE');
    this.remaining = parseInt(m[1]!, 16);
    if (this.remaining > 0) this.state = C.Data;
    else { this.state = C.Trailers; this.trailerBytes = 0; }
    return next;
  }

  private readTrailer(buf: Buffer, pos: number): number {
    const before = this.line.length;
    const next = this.takeLine(buf, pos, this.maxTrailers);
    this.trailerBytes += this.line.length - before;
    if (this.trailerBytes > this.maxTrailers) throw new ProtocolError('the trailers are too large', 'HPE_HEADER_OVERFLOW');
    if (next < 0) return buf.length;
    const l = this.lineText();
    if (l === '') this.state = C.Done;
    else if (!TOKEN.test(l.slice(0, Math.max(0, l.indexOf(':'))))) throw new ProtocolError('invalid trailer line');
    return next;
  }
}
