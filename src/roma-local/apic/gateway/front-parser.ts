// An incremental HTTP/1.x request parser for the gateway's front server: the request line,
// headers (strictly validated, repeated ones combined as node:http combines them), and the body
// by Content-Length or chunked transfer-coding, collected whole. Anything malformed or ambiguous
// (request smuggling: Content-Length with Transfer-Encoding, a coding other than chunked, a
// repeated or invalid Content-Length, a bare CR or LF, obs-fold) throws the GatewayError to
// answer with; the server closes the connection after that answer.
import { GatewayError, GW } from './errors';
import { ChunkedDecoder, type ChunkSink } from './http1-chunked';
import { addHeader, CONTENT_LENGTH, HOST, INVALID, type Headers } from './front-headers';
import { bareLf, GrowingBuffer } from './http1-growing-buffer';
import { CRLF2, DIGITS, ProtocolError, TOKEN, tokens } from './http1-syntax';

export interface FrontLimits {
  /** Request line and headers, in bytes (over: 494). */
  maxHead: number;
  /** Request target, in characters (over: 414). */
  maxUri: number;
  /** Body, in bytes (over: 413). */
  maxBody: number;
}

const enum S { Idle, Head, Length, Chunked, Done }
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']);
/** Control characters but tab, and a CR or LF that is not part of a CRLF. */
const BAD_HEAD = /[^\t\r\n\x20-\x7e\x80-\xff]|\r(?!\n)|(?<!\r)\n/;
const OTHER_VERSION = /^HTTP\/\d\.\d$/;
const EMPTY = Buffer.alloc(0);
const NO_HEADERS: Headers = Object.freeze({}) as Headers;

const bad = (why: string): GatewayError => GW.badRequest(`the HTTP request is malformed (${why})`);
const isOws = (c: number): boolean => c === 32 || c === 9;

export class RequestParser implements ChunkSink {
  method = '';
  /** The request target as sent (origin form: path and query). */
  url = '';
  /** 1 for HTTP/1.1, 0 for HTTP/1.0. */
  version = 1;
  headers: Headers = NO_HEADERS;
  body: Buffer = EMPTY;
  /** The connection may carry another request after the answer. */
  keepAlive = true;
  /** The client waits for `100 Continue` before it sends the body. */
  continueDue = false;
  /** A whole request has been read (until reset()). */
  complete = false;
  private state = S.Idle;
  /** An incomplete head so far, and how much of it was checked for a bare LF. */
  private readonly partial = new GrowingBuffer();
  private scanned = 0;
  private total = 0;
  private remaining = 0;
  /** A body that came in pieces (Content-Length or chunked), so far. */
  private readonly bodyParts = new GrowingBuffer();
  private readonly decoder: ChunkedDecoder;

  constructor(private readonly limits: FrontLimits) {
    this.decoder = new ChunkedDecoder(limits.maxHead);
  }

  /** Bytes of a request have come (beyond blank lines). */
  get started(): boolean {
    return this.state !== S.Idle;
  }

  /** The head is read, the body is not complete. */
  get inBody(): boolean {
    return this.state === S.Length || this.state === S.Chunked;
  }

  /** Forgets the request answered (the next one starts fresh). */
  reset(): void {
    this.state = S.Idle;
    this.complete = false;
    this.continueDue = false;
    this.headers = NO_HEADERS;
    this.body = EMPTY;
    this.bodyParts.clear();
  }

  /** Reads from `pos`; returns where it stopped: the end of `buf`, or just after a complete request. */
  execute(buf: Buffer, pos: number): number {
    while (pos < buf.length && !this.complete) {
      switch (this.state) {
        case S.Idle:
          // blank lines before a request line are ignored (RFC 9112 §2.2)
          if (buf[pos] === 13 && buf[pos + 1] === 10) pos += 2;
          else this.state = S.Head;
          break;
        case S.Head: pos = this.readHead(buf, pos); break;
        case S.Length: pos = this.readLength(buf, pos); break;
        case S.Chunked:
          try {
            pos = this.decoder.execute(buf, pos, this);
          } catch (err) {
            throw err instanceof ProtocolError ? bad(err.code === 'HPE_HEADER_OVERFLOW' ? 'trailers too large' : 'invalid chunked body') : err;
          }
          if (this.decoder.done) this.done(this.bodyParts.take());
          break;
        default:
          return pos;
      }
    }
    return pos;
  }

  onBody(chunk: Buffer): void {
    if (this.bodyParts.length + chunk.length > this.limits.maxBody) throw GW.tooLarge();
    this.bodyParts.append(chunk);
  }

  private done(body: Buffer): void {
    this.body = body;
    this.state = S.Done;
    this.complete = true;
  }

  private readLength(buf: Buffer, pos: number): number {
    const n = Math.min(this.remaining, buf.length - pos);
    if (n === this.total) { this.done(buf.subarray(pos, pos + n)); return pos + n; } // the whole body in one read
    this.bodyParts.append(buf, pos, pos + n, this.total);
    this.remaining -= n;
    if (this.remaining === 0) this.done(this.bodyParts.take());
    return pos + n;
  }

  private readHead(buf: Buffer, pos: number): number {
    if (this.partial.length === 0) {
      // most requests: the whole head in this read, parsed straight from it
      const end = buf.indexOf(CRLF2, pos);
      if (end >= 0 && end + 4 - pos <= this.limits.maxHead) {
        this.parseHead(buf.toString('latin1', pos, end));
        return end + 4;
      }
      if (end >= 0 || buf.length - pos > this.limits.maxHead) throw this.overflow(buf.subarray(pos));
    }
    const prev = this.partial.length;
    this.partial.append(buf, pos);
    const data = this.partial.view();
    const end = data.indexOf(CRLF2, Math.max(0, prev - 3));
    if (end < 0 || end + 4 > this.limits.maxHead) {
      if (end >= 0 || data.length > this.limits.maxHead) throw this.overflow(data);
      if (bareLf(data, this.scanned) >= 0) throw bad('bare LF'); // an incomplete head: shown now rather than at the headers timeout
      this.scanned = data.length;
      return buf.length;
    }
    const text = data.toString('latin1', 0, end);
    this.partial.clear();
    this.scanned = 0;
    this.parseHead(text);
    return pos + end + 4 - prev;
  }

  /** Too long a head: the request line's fault (414) or the headers' (494). */
  private overflow(data: Buffer): GatewayError {
    const lf = data.indexOf(10);
    const e = (lf < 0 ? data.length : lf) > this.limits.maxUri ? GW.uriTooLarge() : GW.headersTooLarge();
    this.partial.clear();
    this.scanned = 0;
    return e;
  }

  private parseHead(text: string): void {
    if (BAD_HEAD.test(text)) throw bad('invalid characters or a bare CR or LF');
    const lines = text.split('\r\n');
    this.requestLine(lines[0]!);
    const h: Headers = {};
    let length = -1;
    let hosts = 0;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i]!;
      const c = l.indexOf(':');
      if (c <= 0) throw bad(isOws(l.charCodeAt(0)) ? 'obsolete line folding' : 'invalid header line');
      let s = c + 1;
      let e = l.length;
      while (s < e && isOws(l.charCodeAt(s))) s++;
      while (e > s && isOws(l.charCodeAt(e - 1))) e--;
      const v = l.slice(s, e);
      const kind = addHeader(h, l.slice(0, c), v);
      if (kind === INVALID) throw bad(isOws(l.charCodeAt(0)) ? 'obsolete line folding' : 'invalid header name');
      if (kind === CONTENT_LENGTH) {
        if (length >= 0 || !DIGITS.test(v)) throw bad(length >= 0 ? 'repeated Content-Length' : 'invalid Content-Length');
        length = Number(v);
      } else if (kind === HOST && ++hosts > 1) throw bad('more than one Host');
    }
    this.headers = h;
    this.frame(h, length, hosts);
  }

  private requestLine(l: string): void {
    const a = l.indexOf(' ');
    const b = a < 0 ? -1 : l.indexOf(' ', a + 1);
    if (a <= 0 || b < 0 || b === a + 1 || l.includes(' ', b + 1)) throw bad('invalid request line');
    const method = l.slice(0, a);
    if (!METHODS.has(method)) {
      if (!TOKEN.test(method)) throw bad('invalid method');
      if (METHODS.size < 100) METHODS.add(method);
    }
    const url = l.slice(a + 1, b);
    if (url.length > this.limits.maxUri) throw GW.uriTooLarge();
    if (url.includes('\t')) throw bad('invalid request target');
    const v = l.slice(b + 1);
    if (v === 'HTTP/1.1') this.version = 1;
    else if (v === 'HTTP/1.0') this.version = 0;
    else throw OTHER_VERSION.test(v) ? GW.httpVersion() : bad('invalid request line');
    this.method = method;
    this.url = url;
  }

  /** Connection reuse, Expect, and how the body is framed. */
  private frame(h: Headers, length: number, hosts: number): void {
    const v1 = this.version === 1;
    if (v1 && hosts === 0) throw bad('no Host header');
    const conn = h.connection as string | undefined;
    if (conn === undefined) this.keepAlive = v1;
    else {
      const c = conn.length < 11 ? conn.toLowerCase() : '';
      this.keepAlive = c === 'keep-alive' ? true : c === 'close' ? false : v1 ? !tokens(conn).includes('close') : tokens(conn).includes('keep-alive');
    }
    const te = h['transfer-encoding'] as string | undefined;
    if (te !== undefined) {
      if (length >= 0) throw bad('both Content-Length and Transfer-Encoding');
      if (!v1) throw bad('Transfer-Encoding in an HTTP/1.0 request');
      if (te.toLowerCase() !== 'chunked') throw bad('a Transfer-Encoding other than chunked');
      this.state = S.Chunked;
      this.decoder.reset();
    } else if (length > 0) {
      if (length > this.limits.maxBody) throw GW.tooLarge();
      this.state = S.Length;
      this.total = this.remaining = length;
    } else this.done(EMPTY);
    const expect = h.expect as string | undefined;
    if (expect !== undefined && v1) { // HTTP/1.0 clients know no Expect (node ignored it too)
      if (expect.toLowerCase() !== '100-continue') throw GW.expectationFailed();
      this.continueDue = this.state !== S.Done;
    }
  }
}
