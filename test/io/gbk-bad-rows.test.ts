// A GBK export with bytes that are not GB18030 in a row (2026-12): the row is rejected with
// file:line:reason and the rest of the file read, the counts reconciling; the whole file was
// refused (exit 3) for a single such byte anywhere. Still refused: a header with such bytes (the
// columns cannot be known), a character cut off by the end of the file, more than
// BAD_GB18030_ROWS such rows that are also more than 1 % of the rows read, and a file that is UTF-8
// but for a few bytes (its header ASCII), which is read as UTF-8 and named at its first bad line.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, removeTmpDirs, tmpDir } from '../helpers.js';
import { cli, json } from '../orders/expected.js';
import { mostlyUtf8 } from '../../src/io/source.js';

const dir = tmpDir();
afterAll(removeTmpDirs);

/** The example GBK 订单报表 (10 lines: the header, 9 orders) as lines, each with its \n. */
function exampleLines(): Buffer[] {
  const b = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
  const lines: Buffer[] = [];
  let s = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) (lines.push(b.subarray(s, i + 1)), (s = i + 1));
  if (s < b.length) lines.push(b.subarray(s));
  return lines;
}

/** Line `n` (1-based) with its first byte above 0x7F (the first byte of a Chinese character) made FF, never a GB18030 byte. */
function broken(line: Buffer): Buffer {
  const l = Buffer.from(line);
  l[l.findIndex((c) => c >= 0x80)] = 0xff;
  return l;
}

function write(name: string, lines: Buffer[]): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, Buffer.concat(lines));
  return f;
}

describe('GBK: a row with bytes that are not GB18030 is rejected by its line, the rest read', () => {
  it('one bad byte on line 5 (order 2987650012233445501): that row rejected (file:line:reason), the other 8 orders read', () => {
    const lines = exampleLines();
    expect(lines.length).toBe(10);
    lines[4] = broken(lines[4]!);
    const f = write('one-bad.csv', lines);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    // Before 2026-12: exit 3, "one-bad.csv:5: bytes that are not valid gb18030", nothing on stdout.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:5: this row holds bytes that are not valid GBK (GB18030)`);
    // The 9 orders of the example (lines 2–10) but the one on line 5.
    expect(json(r).map((o) => o.orderId)).toEqual([
      '3515313147329357901', '3515313147329357902', '3515313147329357903', '2987650012233445502',
      '4100000000000000701', '4100000000000000702', '5200000000000000801', '5200000000000000802',
    ]);
    // 9 data rows = 8 accepted + 1 rejected.
    expect(r.stderr).toContain('9 rows read: 8 accepted, 1 rejected, 0 duplicates; wrote 8 orders');
    const zh = cli(['orders', 'normalize', f, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`${f}:5: 这一行含有无法按 GBK (GB18030) 解码的字节`);
  });

  it('compensate: the row rejected and counted, every voucher provisional (whose order it was is unknown)', () => {
    const lines = exampleLines();
    lines[4] = broken(lines[4]!);
    const f = write('one-bad-comp.csv', lines);
    const r = cli(['compensate', f, '--as-of', '2026-11-20 12:00:00']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:5: this row holds bytes that are not valid GBK (GB18030)`);
    // The clean example: 9 orders read, 0 rejected rows; here 8 and 1.
    expect(r.stderr).toContain('8 orders read');
    expect(r.stderr).toContain('1 rejected row');
  });

  it('the header with such a byte: the file refused (exit 3), as before', () => {
    const lines = exampleLines();
    lines[0] = broken(lines[0]!);
    const f = write('bad-header.csv', lines);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:1: bytes that are not valid gb18030`);
  });

  it('11 such rows among 21 (more than 10 and more than 1 %): the file refused at the 11th, naming the first lines', () => {
    const lines = exampleLines();
    // Lines 1–4 as written, then line 5 broken 12 times (lines 5–16), then lines 6–10 (17–21).
    const f = write('many-bad.csv', [...lines.slice(0, 4), ...Array.from({ length: 12 }, () => broken(lines[4]!)), ...lines.slice(5)]);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // The 11th bad row is line 15: 15 rows read by then (the header included), 11 of them bad.
    expect(r.stderr).toContain(`${f}: 11 of the 15 rows read so far hold bytes that are not valid gb18030 (GBK) (lines 5, 6, 7, 8, 9, …), more than 10 and more than 1 %: the file is not GBK, or is badly damaged; the file was not used`);
  });

  it('ten such rows are each rejected, the file read', () => {
    const lines = exampleLines();
    const f = write('ten-bad.csv', [...lines.slice(0, 4), ...Array.from({ length: 10 }, () => broken(lines[4]!)), ...lines.slice(5)]);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(1);
    // 8 good rows of the example (lines 2–4, 15–19) and 10 rejected (lines 5–14).
    expect(r.stderr).toContain('18 rows read: 8 accepted, 10 rejected, 0 duplicates; wrote 8 orders');
    for (let l = 5; l <= 14; l++) expect(r.stderr).toContain(`${f}:${l}: this row holds bytes`);
  });

  it('a UTF-8 file with an ASCII title line and one bad byte is read as UTF-8 and refused at that line (it was read as GBK)', () => {
    const utf8 = fs.readFileSync(path.join(EXAMPLES, 'pdd-orders-202611.csv'));
    const body = Buffer.concat([Buffer.from('export 2026-11\n'), utf8]);
    // The bad byte: FF in place of the first byte above 0x7F on the file's line 4 (the example's line 3).
    let at = 0;
    for (let n = 0; n < 3; n++) at = body.indexOf(10, at) + 1;
    at = body.findIndex((c, i) => i >= at && c >= 0x80);
    body[at] = 0xff;
    const f = path.join(dir, 'utf8-one-bad.csv');
    fs.writeFileSync(f, body);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:4: bytes that are not valid utf8`);
  });

  it('mostlyUtf8: a few bad bytes among UTF-8 characters, not GBK text', () => {
    // 8 whole three-byte characters (中 = E4 B8 AD) and no bad byte: UTF-8; 7: too few to tell.
    expect(mostlyUtf8(Buffer.from('a,' + '中'.repeat(8)))).toBe(true);
    expect(mostlyUtf8(Buffer.from('a,' + '中'.repeat(7)))).toBe(false);
    // 20 characters and one FF: 1 × 20 = 20, not below 20 → not; 21 characters: 20 < 21 → UTF-8.
    expect(mostlyUtf8(Buffer.concat([Buffer.from('中'.repeat(20)), Buffer.from([0xff])]))).toBe(false);
    expect(mostlyUtf8(Buffer.concat([Buffer.from('中'.repeat(21)), Buffer.from([0xff])]))).toBe(true);
    // The GBK example: 中 in GBK is D6 D0, never UTF-8 (D6 needs a continuation byte 80–BF).
    expect(mostlyUtf8(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')))).toBe(false);
  });
});
