// An incremental HTTP/1.x response parser for the gateway's backend client: status line and
// headers (size-limited, strictly validated), 1xx interim answers skipped, and the body framed
// by Content-Length, chunked transfer-encoding (extensions and trailers read and dropped) or
// the connection's end. Malformed input throws a ProtocolError: never a crash or a hang.

import { ChunkedDecoder } from './http1-chunked';
import { GrowingBuffer } from './http1-growing-buffer';
import { CRLF2, CTL, DIGITS, ProtocolError, TOKEN, loneCrLf, tokens } from './http1-syntax';

export { ProtocolError } from './http1-syntax';

/** What a parsed response head says about the body and the connection. */
export interface ResponseHead {
  status: number;
  /** Lower-case names and values, alternating. */
  headers: string[];
  /** The connection may carry another request once this body is read. */
  keepAlive: boolean;
  /** The backend's `Keep-Alive: timeout=N` hint, in ms (-1 when absent). */
  keepAliveMs: number;
}

export interface ParserSink {
  onHead(head: ResponseHead): void;
  onBody(chunk: Buffer): void;
  onEnd(): void;
}

const enum S { Head, Length, Chunked, UntilEof, Done, Stopped }

/** Header names seen before, validated, to their lower-case form: backends repeat the same few. */
const NAMES = new Map<string, string>();
function headerName(raw: string): string {
  let k = NAMES.get(raw);
  if (k === undefined) {
    if (!TOKEN.test(raw)) throw new ProtocolError('invalid header line');
    k = raw.toLowerCase();
    if (NAMES.size < 1000) NAMES.set(raw, k);
  }
  return k;
}
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [^]*)?$/;

export class ResponseParser {
  private state = S.Done;
  /** A head that came in pieces, so far. */
  private readonly partial = new GrowingBuffer();
  private remaining = 0;
  private noBody = false;
  private readonly chunks: ChunkedDecoder;

  constructor(private readonly sink: ParserSink, private readonly maxHead: number) {
    this.chunks = new ChunkedDecoder(maxHead);
  }

  /** Expects a new response; `noBody` for an answer to HEAD. */
  start(noBody: boolean): void {
    this.state = S.Head;
    this.noBody = noBody;
    this.partial.clear();
  }

  /** No more input is wanted (the exchange was aborted). */
  stop(): void {
    this.state = S.Stopped;
    this.chunks.halt();
  }

  get done(): boolean {
    return this.state === S.Done;
  }

  /** The head is read and the body is not complete yet. */
  get inBody(): boolean {
    return this.state > S.Head && this.state < S.Done;
  }

  /** The body runs until the connection ends (neither a length nor chunked framing). */
  get untilEof(): boolean {
    return this.state === S.UntilEof;
  }

  /** Feeds bytes; returns where unread bytes start once the response is complete (else the length). */
  execute(buf: Buffer): number {
    let pos = 0;
    while (pos < buf.length) {
      switch (this.state) {
        case S.Head: pos = this.readHead(buf, pos); break;
        case S.Length: {
          const n = Math.min(this.remaining, buf.length - pos);
          this.remaining -= n;
          this.sink.onBody(pos === 0 && n === buf.length ? buf : buf.subarray(pos, pos + n));
          pos += n;
          if (this.remaining === 0 && this.state === S.Length) this.finish();
          break;
        }
        case S.Chunked:
          pos = this.chunks.execute(buf, pos, this.sink);
          if (this.chunks.done && this.state === S.Chunked) this.finish();
          break;
        case S.UntilEof:
          this.sink.onBody(pos === 0 ? buf : buf.subarray(pos));
          return buf.length;
        default:
          return pos; // done (the rest is not ours) or stopped
      }
    }
    return pos;
  }

  /** The connection ended: completes a read-until-close body, else the response is cut short. */
  eof(): void {
    if (this.state === S.UntilEof) return this.finish();
    if (this.state !== S.Done && this.state !== S.Stopped) throw new ProtocolError('the backend closed the connection before the response ended', 'HPE_EOF');
  }

  private finish(): void {
    this.state = S.Done;
    this.sink.onEnd();
  }

  private readHead(buf: Buffer, pos: number): number {
    const prev = this.partial.length;
    // the whole head in this read (most answers) is read in place; pieces are appended (and copied:
    // `buf` may be a reused read buffer)
    if (prev > 0) this.partial.append(buf, pos);
    const data = prev === 0 ? buf.subarray(pos) : this.partial.view();
    const end = data.indexOf(CRLF2, Math.max(0, prev - 3));
    if (end < 0 || end + 4 > this.maxHead) {
      if (data.length > this.maxHead) throw new ProtocolError('the response headers are too large', 'HPE_HEADER_OVERFLOW');
      if (end < 0) { if (prev === 0) this.partial.append(buf, pos); return buf.length; }
    }
    const text = data.toString('latin1', 0, end);
    this.partial.clear();
    this.parseHead(text);
    return pos + end + 4 - prev;
  }

  private parseHead(text: string): void {
    if (CTL.test(text)) throw new ProtocolError('invalid characters in the response head');
    const lines = text.split('\r\n');
    const m = STATUS_LINE.exec(lines[0]!);
    if (!m || loneCrLf(lines[0]!)) throw new ProtocolError('invalid status line');
    const status = Number(m[2]);
    const headers: string[] = [];
    let length = -1;
    let te: string[] | undefined;
    let conn: string[] = [];
    let keepAliveMs = -1;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i]!;
      const c = l.indexOf(':');
      if (c <= 0 || loneCrLf(l)) throw new ProtocolError('invalid header line');
      const k = headerName(l.slice(0, c));
      const v = l.slice(c + 1).trim();
      headers.push(k, v);
      if (k === 'content-length') {
        if (DIGITS.test(v) && length < 0) { length = Number(v); continue; }
        for (const part of v.split(',')) {
          const p = part.trim();
          const n = DIGITS.test(p) ? Number(p) : NaN;
          if (Number.isNaN(n) || (length >= 0 && n !== length)) throw new ProtocolError('invalid Content-Length', 'HPE_INVALID_CONTENT_LENGTH');
          length = n;
        }
      } else if (k === 'transfer-encoding') te = [...(te ?? []), ...tokens(v)];
      else if (k === 'connection') conn = [...conn, ...tokens(v)];
      else if (k === 'keep-alive') keepAliveMs = Number(/(?:^|[,; ])timeout=(\d{1,6})/i.exec(v)?.[1] ?? -1) * 1000;
    }
    if (status < 200) {
      if (status === 101) throw new ProtocolError('unexpected protocol switch');
      return; // interim answer (100 Continue, 103 Early Hints): the real one follows
    }
    const keepAlive = m[1] === '1' ? !conn.includes('close') : conn.includes('keep-alive');
    const head: ResponseHead = { status, headers, keepAlive, keepAliveMs };
    if (this.noBody || status === 204 || status === 304) {
      this.sink.onHead(head);
      if (this.state === S.Head) this.finish();
      return;
    }
    if (te) {
      const chunked = te.indexOf('chunked');
      if (length >= 0 || (chunked >= 0 && chunked !== te.length - 1)) throw new ProtocolError('invalid Transfer-Encoding', 'HPE_INVALID_TRANSFER_ENCODING');
      this.state = chunked >= 0 ? S.Chunked : S.UntilEof;
      this.chunks.reset();
    } else if (length >= 0) {
      this.state = S.Length;
      this.remaining = length;
    } else this.state = S.UntilEof;
    if (this.state === S.UntilEof) head.keepAlive = false;
    this.sink.onHead(head);
    if (this.state === S.Length && length === 0) this.finish();
  }
}
