// The GB18030 byte check (src/io/scan.ts) passes over ASCII four bytes at a time where the bytes
// line up with a 32-bit word of memory. Whatever the alignment of the view and of the bad byte, it
// must name the same offset as a plain byte-by-byte reading of the WHATWG rules.
import { describe, expect, it } from 'vitest';
import { RecordScanner, badGb18030, gbRepair } from '../../src/io/scan.js';

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

  it('a buffer that grows after a check (resizable memory) is read whole the next time', () => {
    const memory = new ArrayBuffer(8, { maxByteLength: 64 });
    const b = new Uint8Array(memory).fill(0x41);
    expect(badGb18030(b, 0, b.length)).toBe(-1);
    memory.resize(64);
    b.fill(0x41);
    b[40] = 0xff;
    expect(badGb18030(b, 0, b.length)).toBe(40);
  });

  it('a check started mid-buffer reports offsets in the buffer', () => {
    const b = placed(1, 30, [0x80, 0xff]);
    // 0x80 alone is a character (the euro sign); the 0xFF after it is bad.
    expect(badGb18030(b, 7, b.length)).toBe(31);
    // The csv-parse path's check (gbRepair) names the same byte.
    expect(gbRepair(Buffer.from(b.buffer, b.byteOffset, b.length), true).bad).toEqual([31]);
  });
});

describe('GB18030 cells decoded by the two-byte table', () => {
  it('a column whose texts never repeat switches to the table after its sample; every two-byte code, 0x80 and four-byte characters read as the runtime decoder reads them', () => {
    const decoder = new TextDecoder('gb18030');
    // Every two-byte code: lead 0x81–0xFE, trail 0x40–0x7E and 0x80–0xFE.
    const codes: number[][] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) codes.push([lead, t]);
    const rows: number[][][] = [];
    // 2,100 rows of unique names first (column 1 misses the cache: past 2,048 lookups it is read by the table) …
    for (let i = 0; i < 2100; i++) rows.push([[...Buffer.from(`id${i}`)], [0xc2, 0xf2, 0xbc, 0xd2, ...Buffer.from(String(i))], [0xbd, 0xbb, 0xd2, 0xd7]]);
    // … then every code, ten to a cell, some cells with 0x80 (€) and a four-byte character (0x81 0x30 0x81 0x30 is U+0080).
    for (let i = 0; i < codes.length; i += 10) {
      const cell = codes.slice(i, i + 10).flat();
      if (i % 70 === 0) cell.push(0x80);
      if (i % 110 === 0) cell.push(0x81, 0x30, 0x81, 0x30);
      rows.push([[...Buffer.from(`id${i}`)], cell, [0xbd, 0xbb, 0xd2, 0xd7]]);
    }
    const bytes: number[] = [];
    for (const r of rows) {
      r.forEach((cell, k) => {
        if (k) bytes.push(0x2c);
        bytes.push(...cell);
      });
      bytes.push(0x0a);
    }
    const scanner = new RecordScanner(0x2c, 'gb18030', undefined);
    const got = scanner.scan(Buffer.from(bytes), true);
    expect(got.irregular).toBe(false);
    expect(got.records).toHaveLength(rows.length);
    const want = rows.map((r) => r.map((cell) => decoder.decode(Uint8Array.from(cell))));
    expect(got.records.map((r) => r.cells)).toEqual(want);
    expect(want[2100]![1]).toBe(decoder.decode(Uint8Array.from([0x81, 0x40, 0x81, 0x41, 0x81, 0x42, 0x81, 0x43, 0x81, 0x44, 0x81, 0x45, 0x81, 0x46, 0x81, 0x47, 0x81, 0x48, 0x81, 0x49, 0x80, 0x81, 0x30, 0x81, 0x30])));
    expect(want[2100]![1]!.endsWith('€\u0080')).toBe(true);
    expect(want[0]![2]).toBe('交易');
  });
});
