// A small multipart/form-data parser for the OpenAPI import (the body is already in memory
// and size-limited by Fastify): text fields and files by field name.
export interface Multipart { fields: Record<string, string>; files: Record<string, { filename: string; data: Buffer }> }

export function parseMultipart(body: Buffer, contentType: string | undefined): Multipart {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw new Error('multipart boundary missing');
  const delim = Buffer.from(`--${boundary}`);
  const out: Multipart = { fields: {}, files: {} };
  let pos = body.indexOf(delim);
  if (pos < 0) throw new Error('multipart boundary not found');
  for (;;) {
    pos += delim.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headEnd = body.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) throw new Error('multipart part without headers');
    const head = body.subarray(pos, headEnd).toString('utf8');
    const next = body.indexOf(delim, headEnd + 4);
    if (next < 0) throw new Error('multipart part not terminated');
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const data = body.subarray(headEnd + 4, end);
    const disp = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
    if (name !== undefined) {
      if (filename !== undefined) out.files[name] = { filename, data };
      else out.fields[name] = data.toString('utf8');
    }
    pos = next;
  }
  return out;
}
