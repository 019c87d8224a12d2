// The GB18030 byte check (src/io/scan.ts) passes over ASCII four bytes at a time where the bytes
// line up with a 32-bit word of memory. Whatever the alignment of the view and of the bad byte, it
// must name the same offset as a plain byte-by-byte reading of the WHATWG rules.
import { describe, expect, it } from 'vitest';
import { Gb18030Check, badGb18030 } from '../../src/io/scan.js';

/** `ascii` ASCII bytes, then `tail`, placed `shift` bytes into a larger buffer (so the view starts unaligned). */
function placed(shift: number, ascii: number, tail: number[]): Uint8Array {
  const whole = new Uint8Array(shift + ascii + tail.length + 5).fill(0x41);
  whole.set(tail, shift + ascii);
  return whole.subarray(shift, shift + ascii + tail.length);
}

describe('GB18030 check over aligned words', () => {
  it('a bad 0xFF after any run of ASCII, at any alignment, is found at its own offset', () => {
    for (let shift = 0; shift < 4; shift++) {
      for (let ascii = 0; ascii < 40; ascii++) {
        const b = placed(shift, ascii, [0xff, 0x41, 0x41]);
        expect(badGb18030(b, 0, b.length)).toBe(ascii);
      }
    }
  });

  it('a valid two-byte character (B0 A1, 啊) after ASCII is passed; a lead byte followed by a comma is bad at the lead', () => {
    for (let shift = 0; shift < 4; shift++) {
      for (let ascii = 0; ascii < 20; ascii++) {
        const ok = placed(shift, ascii, [0xb0, 0xa1, 0x2c, 0x41, 0x41, 0x41, 0x41, 0x41]);
        expect(badGb18030(ok, 0, ok.length)).toBe(-1);
        const bad = placed(shift, ascii, [0xb0, 0x2c, 0x41, 0x41, 0x41, 0x41]);
        expect(badGb18030(bad, 0, bad.length)).toBe(ascii);
      }
    }
  });

  it('a range that stops inside a run of ASCII: bytes past the end are not read (a 0xFF right after it is not reported)', () => {
    for (let shift = 0; shift < 4; shift++) {
      for (let len = 0; len < 24; len++) {
        const b = placed(shift, 24, [0xff]);
        expect(badGb18030(b, 0, len)).toBe(-1);
        expect(badGb18030(b, 0, 25)).toBe(24);
      }
    }
  });

  it('a check started mid-buffer reports offsets in the buffer', () => {
    const b = placed(1, 30, [0x80, 0xff]);
    // 0x80 alone is a character (the euro sign); the 0xFF after it is bad.
    expect(badGb18030(b, 7, b.length)).toBe(31);
    expect(new Gb18030Check().check(b)).toBe(31);
  });
});
