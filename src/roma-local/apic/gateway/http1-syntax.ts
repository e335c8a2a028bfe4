// HTTP/1.x syntax shared by the gateway's backend client (http1-response.ts) and its front
// server (front-parser.ts, front-writer.ts): tokens, the characters a head may hold, and the
// error a malformed message raises.

/** A message the peer sent that cannot be read safely; its connection is discarded. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(message: string, readonly code = 'HPE_INVALID_RESPONSE') {
    super(message);
  }
}

/** RFC 9110 token (header names, methods). */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than tab (CR and LF are checked to come as pairs apart). */
export const CTL = /[^\t\r\n\x20-\x7e\x80-\xff]/;
/** A header value that may not be written: control characters (CR, LF included) or characters beyond latin1. */
export const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
/** 1 to 15 digits: a Content-Length or a size that fits a double exactly. */
export const DIGITS = /^\d{1,15}$/;
/** A CR or LF in a line already split on CRLF: the peer used a bare one. */
export const loneCrLf = (l: string): boolean => l.includes('\r') || l.includes('\n');
export const CRLF2 = Buffer.from('\r\n\r\n');
/** Lower-case, trimmed, non-empty elements of a comma list (Connection, Transfer-Encoding). */
export const tokens = (v: string): string[] => v.toLowerCase().split(',').map((t) => t.trim()).filter(Boolean);
