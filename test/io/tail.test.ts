// A file cut off inside a multi-byte character (a download or copy that did not finish): told from
// its last bytes (src/io/source.ts endsInsideCharacter). Byte values from the encodings' tables.
import { describe, expect, it } from 'vitest';
import { endsInsideCharacter } from '../../src/io/source.js';

const b = (...x: number[]) => Buffer.from(x);

describe('endsInsideCharacter', () => {
  it('UTF-8: a lead byte short of its continuation bytes', () => {
    // 小 = E5 B0 8F; 😀 = F0 9F 98 80
    expect(endsInsideCharacter(b(0x2c, 0xe5, 0xb0, 0x8f), 'utf8')).toBe(false);
    expect(endsInsideCharacter(b(0x2c, 0xe5, 0xb0), 'utf8')).toBe(true);
    expect(endsInsideCharacter(b(0x2c, 0xe5), 'utf8')).toBe(true);
    expect(endsInsideCharacter(b(0x2c, 0xf0, 0x9f, 0x98), 'utf8')).toBe(true);
    expect(endsInsideCharacter(b(0x2c, 0xf0, 0x9f, 0x98, 0x80), 'utf8')).toBe(false);
    expect(endsInsideCharacter(b(0x61, 0x0a), 'utf8')).toBe(false);
  });

  it('GB18030: read from the last byte below 0x30; a lead byte without its second, a four-byte character cut', () => {
    // 小 = D0 A1; 红 = BA EC; € (U+20AC) = A2 E3; U+00A5 ¥ = 81 30 84 36 (four bytes)
    expect(endsInsideCharacter(b(0x2c, 0xd0, 0xa1, 0xba, 0xec), 'gb18030')).toBe(false);
    expect(endsInsideCharacter(b(0x2c, 0xd0, 0xa1, 0xba), 'gb18030')).toBe(true);
    // BA EC read from the comma: the EC is a second byte, not a lead (a naive look at the last byte would say cut).
    expect(endsInsideCharacter(b(0x2c, 0xba, 0xec), 'gb18030')).toBe(false);
    expect(endsInsideCharacter(b(0x2c, 0x81, 0x30, 0x84, 0x36), 'gb18030')).toBe(false);
    expect(endsInsideCharacter(b(0x2c, 0x81, 0x30, 0x84), 'gb18030')).toBe(true);
    expect(endsInsideCharacter(b(0x2c, 0x81, 0x30), 'gb18030')).toBe(true);
    // A second byte in the ASCII range (0x40–0x7E): 丂 = 81 40.
    expect(endsInsideCharacter(b(0x2c, 0x81, 0x40), 'gb18030')).toBe(false);
    expect(endsInsideCharacter(b(0x2c, 0x81, 0x40, 0x81), 'gb18030')).toBe(true);
  });

  it('claims nothing without a byte to start from, nor for other encodings', () => {
    expect(endsInsideCharacter(b(0xba, 0xec, 0xba), 'gb18030')).toBe(false);
    expect(endsInsideCharacter(b(0x2c, 0xba), 'utf16le')).toBe(false);
  });
});
