// A streamed answer body of the front server: chunked (or as is, within its Content-Length),
// paused while the client's socket is full, and torn down when either side goes away.
import type net from 'node:net';
import type { Readable } from 'node:stream';

function noop(): void {}

export class BodyPump {
  private sent = 0;
  private paused = false;
  private over = false;
  private readonly onData = (c: Buffer | string): void => this.data(c);
  private readonly onEnd = (): void => this.end();
  private readonly onFail = (): void => this.finish(false);

  /**
   * `left`: the bytes its Content-Length announced (-1: chunked or until close). `done` runs once:
   * ok with the bytes sent when the body is complete, else the connection must be dropped.
   */
  constructor(
    private readonly socket: net.Socket, private readonly body: Readable, private readonly chunked: boolean,
    private left: number, private readonly done: (ok: boolean, bytes: number) => void,
  ) {
    body.on('data', this.onData);
    body.on('end', this.onEnd);
    body.on('error', this.onFail);
    body.on('close', this.onFail); // closed without 'end': cut short
  }

  /** The client's socket has room again. */
  drain(): void {
    if (this.paused && !this.over) { this.paused = false; this.body.resume(); }
  }

  /** The client went away: the source is let go. */
  abort(): void {
    if (this.over) return;
    this.unhook();
    this.body.destroy();
  }

  private data(c: Buffer | string): void {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    if (b.length === 0) return;
    this.sent += b.length;
    if (this.left >= 0) {
      if (b.length > this.left) return this.finish(false); // more than its Content-Length: the framing is lost
      this.left -= b.length;
    }
    const s = this.socket;
    let ok: boolean;
    if (this.chunked) {
      s.cork();
      s.write(`${b.length.toString(16)}\r\n`, 'latin1');
      s.write(b);
      ok = s.write('\r\n', 'latin1');
      s.uncork();
    } else ok = s.write(b);
    if (!ok && !this.paused) { this.paused = true; this.body.pause(); }
  }

  private end(): void {
    if (this.left > 0) return this.finish(false); // shorter than its Content-Length
    if (this.chunked) this.socket.write('0\r\n\r\n', 'latin1');
    this.finish(true);
  }

  private finish(ok: boolean): void {
    if (this.over) return;
    this.unhook();
    if (!ok) this.body.destroy();
    this.done(ok, this.sent);
  }

  private unhook(): void {
    this.over = true;
    const b = this.body;
    b.off('data', this.onData);
    b.off('end', this.onEnd);
    b.off('error', this.onFail);
    b.off('close', this.onFail);
    b.on('error', noop); // a late error of a source let go is no crash
  }
}
