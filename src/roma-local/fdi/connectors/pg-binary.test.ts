// Which runs go binary: every column type needs an encoder, else the whole run stays text COPY;
// timestamptz only in a UTC session (the text COPY reads the engine's UTC wall time in the session zone).
import { describe, expect, it } from 'vitest';
import { binaryChunks, binaryEncoders } from './pg-binary';

describe('binaryEncoders', () => {
  it('chooses binary only when every column type has an encoder', () => {
    expect(binaryEncoders(['int4', 'varchar', 'numeric', 'timestamp'], false)).toHaveLength(4);
    expect(binaryEncoders(['int4', 'interval'], true)).toBeNull();
    expect(binaryEncoders(['int4', 'timestamptz'], false)).toBeNull();
    expect(binaryEncoders(['int4', 'timestamptz'], true)).toHaveLength(2);
  });

  it('writes the header, one field count and length per field (-1 for NULL), and the trailer', () => {
    const encs = binaryEncoders(['int4', 'text'], false)!;
    const out = Buffer.concat([...binaryChunks([[1, 'é'], [-2, null]], encs)]);
    expect(out.toString('hex')).toBe([
      '5047434f50590aff0d0a00', '00000000', '00000000',
      '0002', '00000004', '00000001', '00000002', 'c3a9',
      '0002', '00000004', 'fffffffe', 'ffffffff',
      'ffff',
    ].join(''));
  });

  it('refuses a value its type cannot take (the batch then goes row by row)', () => {
    const encs = binaryEncoders(['int2'], false)!;
    expect(() => [...binaryChunks([[70000]], encs)]).toThrow(/smallint/);
  });
});
