// GB18030/GBK decoding: the runtime's TextDecoder and the iconv-lite fallback must give the same
// text, and the same line-numbered error for bytes that are not GB18030, however the input is cut
// into chunks (issue 21).
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { gb18030Decoder, hasNativeGb18030, type Gb18030Impl } from '../../src/io/gb18030.js';
import { readRecords } from '../../src/io/records.js';
import type { Sniffed } from '../../src/io/source.js';

/** `bytes` cut at the given positions (sorted, deduplicated, inside the buffer). */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

async function decodeAll(parts: Buffer[], impl: Gb18030Impl): Promise<string> {
  const dec = await gb18030Decoder(impl);
  let out = '';
  for (const p of parts) out += dec.write(p);
  return out + dec.end();
}

const sniffed = (parts: Buffer[]): Sniffed => ({
  name: 'x.csv',
  container: 'csv',
  encoding: 'gb18030',
  encodingNote: 'flag',
  skip: 0,
  stream: Readable.from(parts.map((p) => Buffer.from(p)), { objectMode: false }),
  bytesRead: () => 0,
});

/**
 * The error line from reading the whole file through records.ts, or 'ok' with the cells (a row
 * rejected for bytes that are not GB18030 as `bad <line>`).
 */
async function read(parts: Buffer[], impl: Gb18030Impl): Promise<string> {
  try {
    const cells: (string[] | string)[] = [];
    for await (const r of readRecords(sniffed(parts), { gb18030: impl })) cells.push(r.badBytes ? `bad ${r.line}` : r.cells);
    return 'ok ' + JSON.stringify(cells);
  } catch (e) {
    return (e as Error).message;
  }
}

const ascii = fc.integer({ min: 0x20, max: 0x7e }).filter((c) => c !== 0x22);
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }); // the two-byte GBK range of a product title
// Any BMP character outside surrogates and the private-use area (GB18030 four-byte codes too).
const bmp = fc.integer({ min: 0x80, max: 0xfffd }).filter((c) => (c < 0xd800 || c > 0xdfff) && (c < 0xe000 || c > 0xf8ff));
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }); // four-byte codes 0x90308130 on
const char = fc.oneof(
  { arbitrary: ascii, weight: 4 },
  { arbitrary: fc.constantFrom(0x0a, 0x2c), weight: 2 }, // line breaks and commas
  { arbitrary: cjk, weight: 4 },
  { arbitrary: bmp, weight: 2 },
  { arbitrary: astral, weight: 1 },
);
const text = fc.array(char, { maxLength: 300 }).map((cs) => String.fromCodePoint(...cs));
const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe('GB18030 decoding: runtime TextDecoder vs iconv-lite', () => {
  it('official Node 20+ builds (full ICU) have the runtime decoder, so the fast path is the one used', () => {
    expect(hasNativeGb18030()).toBe(true);
  });

  it('valid text cut at any byte, four-byte sequences included: both give back the original text', async () => {
    await fc.assert(
      fc.asyncProperty(text, cuts, async (t, at) => {
        const parts = cut(iconv.encode(t, 'gb18030'), at);
        const native = await decodeAll(parts, 'native');
        const fallback = await decodeAll(parts, 'iconv');
        expect(native).toBe(t);
        expect(fallback).toBe(t);
      }),
      { numRuns: 300 },
    );
  });

  it('a four-byte character cut after each of its bytes', async () => {
    const bytes = Buffer.from([0x61, 0x95, 0x32, 0x82, 0x36, 0x62]); // U+20000 = 95 32 82 36 (GB18030 table)
    for (const p of [2, 3, 4, 5]) {
      const parts = [bytes.subarray(0, p), bytes.subarray(p)];
      expect(await decodeAll(parts, 'native')).toBe('a\u{20000}b');
      expect(await decodeAll(parts, 'iconv')).toBe('a\u{20000}b');
    }
  });

  it('the 18 codes GB18030-2005 maps to standard characters: A6D9 is U+FE10 (vertical comma), FE59 is U+9FB4, both ways', async () => {
    const bytes = Buffer.from([0xa6, 0xd9, 0xfe, 0x59]);
    expect(await decodeAll([bytes], 'native')).toBe('\uFE10\u9FB4');
    expect(await decodeAll([bytes], 'iconv')).toBe('\uFE10\u9FB4');
  });

  // Byte runs that are not GB18030 whatever follows: FF is never a lead byte; 81 7F and 81 FF have
  // no valid trail; 81 30 FF breaks a four-byte sequence at its third byte.
  const badRun = fc.constantFrom([0xff], [0x81, 0x7f], [0x81, 0xff], [0x81, 0x30, 0xff]);

  // Since 2026-12 the row holding them is rejected by its line and the rest read (it was the whole
  // file refused, naming that line); both decoders, and the byte scanner, reject the same row.
  it('invalid bytes anywhere: both reject the same row, the one the bad bytes are on, and read the rest alike', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, badRun, cuts, async (before, after, bad, at) => {
        const bytes = Buffer.concat([iconv.encode('a,b\n' + before, 'gb18030'), Buffer.from(bad), iconv.encode(after, 'gb18030')]);
        const parts = cut(bytes, at);
        // Hand count: the header is line 1; each \n before the bad bytes moves one line down.
        const line = 2 + [...before].filter((c) => c === '\n').length;
        const native = await read(parts, 'native');
        expect(native.startsWith('ok '), native).toBe(true);
        const rows = JSON.parse(native.slice(3)) as unknown[];
        expect(rows.filter((r) => typeof r === 'string')).toEqual([`bad ${line}`]);
        expect(await read(parts, 'iconv')).toBe(native);
      }),
      { numRuns: 150 },
    );
  });

  it('a lead byte cut off at the end of the file: the last line is named', async () => {
    const bytes = Buffer.concat([iconv.encode('a,b\n1,围巾\n2,', 'gb18030'), Buffer.from([0x81])]);
    for (const impl of ['native', 'iconv'] as const) expect(await read([bytes], impl)).toContain('x.csv:3: bytes that are not valid gb18030');
  });

  it('records read through either decoder are identical', async () => {
    await fc.assert(
      fc.asyncProperty(text, cuts, async (t, at) => {
        const parts = cut(iconv.encode('a,b\n' + t, 'gb18030'), at);
        expect(await read(parts, 'native')).toBe(await read(parts, 'iconv'));
      }),
      { numRuns: 100 },
    );
  });
});
